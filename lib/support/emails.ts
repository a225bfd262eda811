import type { MailContext } from "@/lib/auth/emails";
import { renderEmail, type RenderedEmail } from "@/lib/mail/layout";
import { SUPPORT_TOPICS } from "./policy";

const topicLabel = (code: string) => SUPPORT_TOPICS.find(([c]) => c === code)?.[1] ?? code;

/** Send Message, as the support desk receives it: who wrote, how to reach them, what they wrote. */
export function supportMessageEmail(
  ctx: MailContext,
  m: { name: string; email: string; phone: string; topic: string; message: string },
): RenderedEmail & { template: string } {
  return {
    template: "support-message",
    ...renderEmail(
      {
        subject: `Send Message: ${topicLabel(m.topic)}`,
        paragraphs: [
          `From: ${m.name} <${m.email}>${m.phone ? `, phone ${m.phone}` : ""}`,
          `About: ${topicLabel(m.topic)}`,
          m.message,
        ],
        footnote: `Sent from the ${ctx.portalName} sign-in page. The sender is not verified: confirm who they are before discussing an account.`,
      },
      ctx.portalName,
    ),
  };
}
