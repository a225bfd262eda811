import { renderEmail, type RenderedEmail } from "@/lib/mail/layout";

/** The account emails. Links are absolute, built from APP_URL. */
export interface MailContext {
  appUrl: string;
  portalName: string;
  supportPhone: string;
  /** Where Send Message delivers (SUPPORT_EMAIL). */
  supportEmail: string;
}

const link = (ctx: MailContext, path: string) => new URL(path, ctx.appUrl).toString();

export function activationEmail(ctx: MailContext, p: { firstName: string; token: string }): RenderedEmail & { template: string } {
  return {
    template: "activation",
    ...renderEmail(
      {
        subject: "Activate Account",
        greeting: `Hello ${p.firstName},`,
        paragraphs: [`Welcome to the ${ctx.portalName}. Activate your account to finish registering, then sign in with your email and password.`],
        action: { label: "Activate Account", url: link(ctx, `/activate?token=${encodeURIComponent(p.token)}`) },
        footnote: `This link expires in 7 days and works once. If you did not create this account, ignore this email. Questions? Call ${ctx.supportPhone}.`,
      },
      ctx.portalName,
    ),
  };
}

export function alreadyRegisteredEmail(ctx: MailContext, p: { firstName: string }): RenderedEmail & { template: string } {
  return {
    template: "already-registered",
    ...renderEmail(
      {
        subject: `You already have a ${ctx.portalName} account`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [
          "Someone tried to create an account with this email address, but you are already registered. No new account was made.",
          `Sign in at ${link(ctx, "/login")}. If you do not remember your password, reset it with the link below.`,
        ],
        action: { label: "Reset your password", url: link(ctx, "/forgot-password") },
        footnote: "If this was not you, you can ignore this email: your account is unchanged.",
      },
      ctx.portalName,
    ),
  };
}

export function lockedEmail(ctx: MailContext, p: { firstName: string; hours: number }): RenderedEmail & { template: string } {
  return {
    template: "account-locked",
    ...renderEmail(
      {
        subject: `Your ${ctx.portalName} account is locked`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [
          `Your account was locked after too many incorrect sign-in attempts. You can wait ${p.hours} hours and try again, or reset your password now to unlock it.`,
        ],
        action: { label: "Reset your password", url: link(ctx, "/forgot-password") },
        footnote: `If these attempts were not yours, reset your password and call ${ctx.supportPhone}.`,
      },
      ctx.portalName,
    ),
  };
}

export function resetEmail(ctx: MailContext, p: { firstName: string; token: string }): RenderedEmail & { template: string } {
  return {
    template: "password-reset",
    ...renderEmail(
      {
        subject: `Reset your ${ctx.portalName} password`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: ["We received a request to reset your password. Choose a new one with the link below."],
        action: { label: "Reset your password", url: link(ctx, `/reset-password?token=${encodeURIComponent(p.token)}`) },
        footnote: "This link expires in 1 hour and works once. If you did not ask for it, ignore this email: your password is unchanged.",
      },
      ctx.portalName,
    ),
  };
}

export function passwordChangedEmail(ctx: MailContext, p: { firstName: string }): RenderedEmail & { template: string } {
  return {
    template: "password-changed",
    ...renderEmail(
      {
        subject: `Your ${ctx.portalName} password was changed`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: ["Your password was changed and every signed-in session was signed out."],
        action: { label: "Sign in", url: link(ctx, "/login") },
        footnote: `If you did not change it, reset your password now and call ${ctx.supportPhone}.`,
      },
      ctx.portalName,
    ),
  };
}
