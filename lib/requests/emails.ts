import type { MailContext } from "@/lib/auth/emails";
import { renderEmail, type RenderedEmail } from "@/lib/mail/layout";

type Email = RenderedEmail & { template: string };
const link = (ctx: MailContext, path: string) => new URL(path, ctx.appUrl).toString();

export function requestReceivedEmail(ctx: MailContext, p: { firstName: string; providerName: string }): Email {
  return {
    template: "access-request-received",
    ...renderEmail(
      {
        subject: `We received your access request for ${p.providerName}`,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [
          `Your request for access to ${p.providerName} on the ${ctx.portalName} was sent to the provider's administrators.`,
          "They have 5 days to approve or deny it. We will email you their decision; if they do not decide within 5 days, the request is denied automatically.",
        ],
        footnote: `If you did not make this request, you can ignore this email or call ${ctx.supportPhone}.`,
      },
      ctx.portalName,
    ),
  };
}

export function newRequestAdminEmail(ctx: MailContext, p: { requesterName: string; providerName: string }): Email {
  return {
    template: "access-request-admin",
    ...renderEmail(
      {
        subject: `New access request for ${p.providerName}`,
        paragraphs: [
          `${p.requesterName} asked for access to ${p.providerName} on the ${ctx.portalName}.`,
          "Approve or deny the request under Manage Users, Access Requests, within 5 days; after that it is denied automatically.",
        ],
        action: { label: "Review access requests", url: link(ctx, "/users/requests") },
      },
      ctx.portalName,
    ),
  };
}

export function reminderAdminEmail(ctx: MailContext, p: { requesterName: string; providerName: string }): Email {
  return {
    template: "access-request-reminder",
    ...renderEmail(
      {
        subject: `Reminder: an access request for ${p.providerName} is denied automatically in 24 hours`,
        paragraphs: [`The access request from ${p.requesterName} for ${p.providerName} is still waiting. If nobody approves or denies it within 24 hours, it is denied automatically.`],
        action: { label: "Review access requests", url: link(ctx, "/users/requests") },
      },
      ctx.portalName,
    ),
  };
}

export function deniedEmail(ctx: MailContext, p: { firstName: string; providerName: string; reason: string | null; automatic: boolean }): Email {
  const paragraphs = p.automatic
    ? [`Your request for access to ${p.providerName} on the ${ctx.portalName} was not decided within 5 days, so it was denied automatically.`]
    : [`An administrator of ${p.providerName} denied your request for access to the ${ctx.portalName}.`];
  if (p.reason) paragraphs.push(`Reason given: ${p.reason}`);
  paragraphs.push("You may submit a new request, or contact the provider's office.");
  return {
    template: p.automatic ? "access-request-auto-denied" : "access-request-denied",
    ...renderEmail(
      { subject: `Your access request for ${p.providerName} was denied`, greeting: `Hello ${p.firstName},`, paragraphs, action: { label: "Request access again", url: link(ctx, "/request-access") } },
      ctx.portalName,
    ),
  };
}
