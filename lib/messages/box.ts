import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageParticipants, messages, messageThreads } from "@/db/schema";
import { can, isUuid } from "@/lib/access/permissions";
import type { Services } from "@/lib/services";

export const PAGE_SIZE = 25;
export type BoxView = "inbox" | "archived";

export interface BoxRow {
  threadId: string;
  subject: string;
  isNotification: boolean;
  lastSenderName: string;
  lastMessageAt: Date;
  unreadCount: number;
}

export interface BoxPage {
  rows: BoxRow[];
  page: number;
  hasNext: boolean;
}

/** Threads with unread messages in this person's inbox of this provider (the number beside "Message Box"). */
export async function unreadThreadCount(db: Db, userId: string, providerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messageParticipants)
    .where(and(eq(messageParticipants.userId, userId), eq(messageParticipants.providerId, providerId), gt(messageParticipants.unreadCount, 0), eq(messageParticipants.archived, false)));
  return Number(row?.n ?? 0);
}

/**
 * One page of a person's Message Box for one provider, newest first: a range of
 * message_participants_box_idx, so the first page costs the same with 10 threads or 10,000.
 */
export async function listBox(db: Db, userId: string, providerId: string, view: BoxView, page: number): Promise<BoxPage> {
  const p = Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  // The page of copies first (an ordered index range with a limit), then only those threads:
  // joining first lets the planner hash-join every thread of the box before sorting.
  const copies = await db
    .select({
      threadId: messageParticipants.threadId,
      lastSenderName: messageParticipants.lastSenderName,
      lastMessageAt: messageParticipants.lastMessageAt,
      unreadCount: messageParticipants.unreadCount,
    })
    .from(messageParticipants)
    .where(and(eq(messageParticipants.userId, userId), eq(messageParticipants.providerId, providerId), eq(messageParticipants.archived, view === "archived")))
    // "nulls last" as the index is declared (the column is never null): without it the planner cannot walk the index.
    .orderBy(sql`${messageParticipants.lastMessageAt} desc nulls last`, asc(messageParticipants.threadId))
    .limit(PAGE_SIZE + 1)
    .offset((p - 1) * PAGE_SIZE);
  const shown = copies.slice(0, PAGE_SIZE);
  const threads = shown.length
    ? await db
        .select({ id: messageThreads.id, subject: messageThreads.subject, isNotification: messageThreads.isNotification })
        .from(messageThreads)
        .where(and(inArray(messageThreads.id, shown.map((c) => c.threadId)), eq(messageThreads.providerId, providerId)))
    : [];
  const byId = new Map(threads.map((t) => [t.id, t]));
  const rows = shown.flatMap((c) => {
    const t = byId.get(c.threadId);
    return t ? [{ ...c, subject: t.subject, isNotification: t.isNotification }] : [];
  });
  return { rows, page: p, hasNext: copies.length > PAGE_SIZE };
}

export interface ThreadView {
  id: string;
  subject: string;
  isNotification: boolean;
  archived: boolean;
  messages: Array<{ id: string; senderName: string; body: string; createdAt: Date; mine: boolean }>;
}

/** A thread in this person's Message Box of this provider, or null (not theirs, another provider's, malformed id). */
export async function readThread(db: Db, userId: string, providerId: string, threadId: unknown): Promise<ThreadView | null> {
  if (!isUuid(threadId)) return null;
  const [t] = await db
    .select({ id: messageThreads.id, subject: messageThreads.subject, isNotification: messageThreads.isNotification, archived: messageParticipants.archived })
    .from(messageParticipants)
    .innerJoin(messageThreads, eq(messageThreads.id, messageParticipants.threadId))
    .where(and(eq(messageParticipants.threadId, threadId), eq(messageParticipants.userId, userId), eq(messageParticipants.providerId, providerId), eq(messageThreads.providerId, providerId)));
  if (!t) return null;
  const list = await db
    .select({ id: messages.id, senderName: messages.senderName, senderUserId: messages.senderUserId, body: messages.body, createdAt: messages.createdAt })
    .from(messages)
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return { ...t, messages: list.map(({ senderUserId, ...m }) => ({ ...m, mine: senderUserId === userId })) };
}

export type ThreadState = "read" | "unread" | "archived" | "inbox";

/**
 * Read/unread and archive, on the person's own copy only. Checks Message Box for the provider
 * again (pages and actions have their guard; lib answers for itself).
 */
export async function setThreadState(svc: Services, userId: string, providerId: string, threadId: string, state: ThreadState): Promise<{ ok: true } | { ok: false; reason: "forbidden" | "not_found" }> {
  if (!(await can(svc.db, userId, providerId, "message_box"))) return { ok: false, reason: "forbidden" };
  const set =
    state === "read"
      ? { unreadCount: 0 }
      : state === "unread"
        ? { unreadCount: sql`greatest(${messageParticipants.unreadCount}, 1)` }
        : { archived: state === "archived" };
  const done = await svc.db
    .update(messageParticipants)
    .set(set)
    .where(and(eq(messageParticipants.threadId, threadId), eq(messageParticipants.userId, userId), eq(messageParticipants.providerId, providerId)))
    .returning({ threadId: messageParticipants.threadId });
  return done.length ? { ok: true } : { ok: false, reason: "not_found" };
}
