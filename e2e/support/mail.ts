import { expect } from "@playwright/test";
import { e2eSql } from "./db";

export interface OutboxMessage {
  id: string;
  channel: "email" | "sms";
  recipient: string;
  subject: string | null;
  body_text: string;
  template: string;
  created_at: Date;
}

/** Waits for the newest message of `template` to `recipient`, as a person waits for their inbox. */
export async function waitForMessage(recipient: string, template: string, options: { after?: Date } = {}): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const rows = await e2eSql()<OutboxMessage[]>`
          select id, channel, recipient, subject, body_text, template, created_at from outbox
          where recipient = ${recipient} and template = ${template} and created_at > ${options.after ?? new Date(0)}
          order by created_at desc limit 1`;
        found = rows[0];
        return !!found;
      },
      { message: `waiting for a "${template}" message to ${recipient}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

export async function countMessages(recipient: string, template?: string): Promise<number> {
  const rows = template
    ? await e2eSql()`select count(*)::int as n from outbox where recipient = ${recipient} and template = ${template}`
    : await e2eSql()`select count(*)::int as n from outbox where recipient = ${recipient}`;
  return rows[0]!.n as number;
}

/** The first link in a message body that points at the portal. */
export function linkIn(message: OutboxMessage): string {
  const m = /https?:\/\/\S+/.exec(message.body_text);
  if (!m) throw new Error(`no link in ${message.template} message`);
  return m[0];
}
