import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageNoticeSettings, users } from "@/db/schema";
import { renderEmail } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Services } from "@/lib/services";

/** At most one "new message" email per person in this long. */
export const NOTICE_INTERVAL_MS = 15 * 60 * 1000;
export const NOTICE_SUBJECT = "You have a new message in your Message Box";

/** Is a notice due for someone whose last one went out at `last`? */
export function noticeDue(last: Date | null, now: Date): boolean {
  return !last || now.getTime() - last.getTime() >= NOTICE_INTERVAL_MS;
}

/**
 * Queues the external notice for the people a message just reached, inside the transaction that
 * wrote the message: one conditional upsert claims the 15-minute slot of each person whose notice
 * is on and due, and only those get an email. The email never carries the message (it may hold
 * protected health information): it says where to read it.
 */
export async function queueNotices(tx: Db, svc: Pick<Services, "clock" | "mail">, userIds: readonly string[]): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const now = svc.clock.now();
  const dueBefore = new Date(now.getTime() - NOTICE_INTERVAL_MS);
  const claimed = await tx
    .insert(messageNoticeSettings)
    .values(ids.map((userId) => ({ userId, lastNoticeAt: now })))
    .onConflictDoUpdate({
      target: messageNoticeSettings.userId,
      set: { lastNoticeAt: sql`excluded.last_notice_at` },
      setWhere: and(eq(messageNoticeSettings.emailNotice, true), or(isNull(messageNoticeSettings.lastNoticeAt), lte(messageNoticeSettings.lastNoticeAt, dueBefore))),
    })
    .returning({ userId: messageNoticeSettings.userId });
  if (claimed.length === 0) return 0;
  const people = await tx.select({ email: users.email, firstName: users.firstName }).from(users).where(inArray(users.id, claimed.map((c) => c.userId)));
  for (const p of people) {
    const mail = renderEmail(
      {
        subject: NOTICE_SUBJECT,
        greeting: `Hello ${p.firstName},`,
        paragraphs: [`${NOTICE_SUBJECT} on the ${svc.mail.portalName}. Sign in to read it.`],
        action: { label: "Open Message Box", url: new URL("/messages", svc.mail.appUrl).toString() },
        footnote: "For your privacy this email does not include the message. You can turn these emails off in your Message Box.",
      },
      svc.mail.portalName,
    );
    await enqueueEmail(tx, { to: p.email, template: "message-notice", ...mail });
  }
  return people.length;
}

export async function noticeSetting(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ on: messageNoticeSettings.emailNotice }).from(messageNoticeSettings).where(eq(messageNoticeSettings.userId, userId));
  return row?.on ?? true;
}

export async function setNoticeSetting(db: Db, userId: string, on: boolean): Promise<void> {
  await db.insert(messageNoticeSettings).values({ userId, emailNotice: on }).onConflictDoUpdate({ target: messageNoticeSettings.userId, set: { emailNotice: on } });
}
