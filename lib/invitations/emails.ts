import type { MailContext } from "@/lib/auth/emails";
import { renderEmail, type RenderedEmail } from "@/lib/mail/layout";

export function invitationEmail(
  ctx: MailContext,
  p: { firstName: string; providerName: string; token: string; fromAccessRequest: boolean },
): RenderedEmail & { template: string } {
  return {
    template: p.fromAccessRequest ? "access-request-approved" : "invitation",
    ...renderEmail(
      {
        subject: p.fromAccessRequest ? `Your access request for ${p.providerName} was approved` : `You are invited to ${p.providerName} on the ${ctx.portalName}`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [
          p.fromAccessRequest
            ? `An administrator of ${p.providerName} approved your request for access. Proceed with registration to start using the ${ctx.portalName}.`
            : `An administrator of ${p.providerName} invited you to the ${ctx.portalName}.`,
          "Use the link below. If you do not have an account yet, create one with this email address; if you do, sign in. Then accept the Provider Agreement.",
        ],
        action: { label: p.fromAccessRequest ? "Proceed with registration" : "Accept invitation", url: new URL(`/invitations/accept?token=${encodeURIComponent(p.token)}`, ctx.appUrl).toString() },
        footnote: "This link works once and expires in 7 days. It only works for an account with this email address.",
      },
      ctx.portalName,
    ),
  };
}
