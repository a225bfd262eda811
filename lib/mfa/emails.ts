import type { MailContext } from "@/lib/auth/emails";
import { renderEmail, type RenderedEmail } from "@/lib/mail/layout";

export function mfaCodeEmail(ctx: MailContext, p: { firstName: string; code: string }): RenderedEmail & { template: string } {
  return {
    template: "mfa-code",
    ...renderEmail(
      {
        subject: `Your ${ctx.portalName} verification code`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [`Your verification code is ${p.code}`, "Enter it on the verification page. It expires in 10 minutes and works once."],
        footnote: "If you did not try to sign in, someone may know your password: reset it and call support.",
      },
      ctx.portalName,
    ),
  };
}

export function mfaCodeSms(ctx: MailContext, code: string): { template: string; text: string } {
  return { template: "mfa-code", text: `${ctx.portalName}: your verification code is ${code}. It expires in 10 minutes. Do not share it.` };
}

/** A notice after a security setting changed, so the owner notices changes they did not make. */
export function securityNoticeEmail(ctx: MailContext, p: { firstName: string; what: string }): RenderedEmail & { template: string } {
  return {
    template: "security-notice",
    ...renderEmail(
      {
        subject: `Security change on your ${ctx.portalName} account`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [`${p.what}`, "If you made this change, no action is needed."],
        action: { label: "Review your security settings", url: new URL("/settings/security", ctx.appUrl).toString() },
        footnote: `If you did not make this change, reset your password now and call ${ctx.supportPhone}.`,
      },
      ctx.portalName,
    ),
  };
}
