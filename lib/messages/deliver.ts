import { randomUUID } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageParticipants, messages, messageThreads } from "@/db/schema";

export interface NewThread {
  providerId: string;
  subject: string;
  /** Set for the portal's notifications (kind of event); null for mail between members. */
  notificationKind: string | null;
  senderUserId: string | null;
  senderName: string;
  body: string;
  /** Who receives it (each gets it unread); the sender, when a member, keeps a read copy. */
  recipientIds: readonly string[];
  at: Date;
}

/** Writes a thread, its first message and every participant's copy. Call inside the event's transaction. */
export async function startThread(tx: Db, t: NewThread): Promise<string> {
  return (await startThreads(tx, [t]))[0]!;
}

/** startThread for many at once: three inserts whatever the count (the cron run's batches). */
export async function startThreads(tx: Db, list: readonly NewThread[]): Promise<string[]> {
  if (list.length === 0) return [];
  const withIds = list.map((t) => ({ ...t, threadId: randomUUID() }));
  await tx
    .insert(messageThreads)
    .values(withIds.map((t) => ({ id: t.threadId, providerId: t.providerId, subject: t.subject, isNotification: t.notificationKind !== null, kind: t.notificationKind, createdAt: t.at })));
  await tx.insert(messages).values(withIds.map((t) => ({ threadId: t.threadId, senderUserId: t.senderUserId, senderName: t.senderName, body: t.body, createdAt: t.at })));
  const rows = withIds.flatMap((t) => {
    const copy = (userId: string, unreadCount: number) => ({ threadId: t.threadId, userId, providerId: t.providerId, lastMessageAt: t.at, lastSenderName: t.senderName, unreadCount });
    const recipients = [...new Set(t.recipientIds)].filter((id) => id !== t.senderUserId).map((id) => copy(id, 1));
    return t.senderUserId ? [...recipients, copy(t.senderUserId, 0)] : recipients;
  });
  // Chunked: a batch of notifications to many administrators must stay under the bind-parameter limit.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(messageParticipants).values(rows.slice(i, i + 1000));
  return withIds.map((t) => t.threadId);
}

/**
 * Adds a reply: every other participant's copy gets one more unread message and comes back to
 * their inbox; the writer's copy moves up, read. Returns the other participants' ids.
 */
export async function appendMessage(tx: Db, r: { threadId: string; senderUserId: string; senderName: string; body: string; at: Date }): Promise<string[]> {
  await tx.insert(messages).values({ threadId: r.threadId, senderUserId: r.senderUserId, senderName: r.senderName, body: r.body, createdAt: r.at });
  const others = await tx
    .update(messageParticipants)
    .set({ lastMessageAt: r.at, lastSenderName: r.senderName, unreadCount: sql`${messageParticipants.unreadCount} + 1`, archived: false })
    .where(and(eq(messageParticipants.threadId, r.threadId), ne(messageParticipants.userId, r.senderUserId)))
    .returning({ userId: messageParticipants.userId });
  await tx
    .update(messageParticipants)
    .set({ lastMessageAt: r.at, lastSenderName: r.senderName })
    .where(and(eq(messageParticipants.threadId, r.threadId), eq(messageParticipants.userId, r.senderUserId)));
  return others.map((o) => o.userId);
}
