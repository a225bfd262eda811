import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

export interface EmailMessage {
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmsMessage {
  to: string;
  template: string;
  text: string;
}

/**
 * Queues an email. Pass the transaction that makes the change the email is about, so the message
 * exists if and only if the change commits.
 */
export async function enqueueEmail(db: Db, msg: EmailMessage): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ channel: "email", recipient: msg.to, template: msg.template, subject: msg.subject, bodyText: msg.text, bodyHtml: msg.html })
    .returning({ id: outbox.id });
  return row!.id;
}

/** Queues an SMS, same rules as enqueueEmail. */
export async function enqueueSms(db: Db, msg: SmsMessage): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ channel: "sms", recipient: msg.to, template: msg.template, subject: null, bodyText: msg.text, bodyHtml: null })
    .returning({ id: outbox.id });
  return row!.id;
}
