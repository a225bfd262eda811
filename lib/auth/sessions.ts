import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users, type SessionRow, type User } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import type { Clock } from "@/lib/clock";
import type { Services } from "@/lib/services";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./policy";

export async function createSession(db: Db, userId: string, ctx: RequestContext, clock: Clock): Promise<SessionRow> {
  const now = clock.now();
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    })
    .returning();
  return row!;
}

export interface ActiveSession {
  session: SessionRow;
  user: User;
}

/** Why a session is not usable, or null when it is. */
export function sessionEndReason(s: Pick<SessionRow, "revokedAt" | "expiresAt" | "lastSeenAt">, now: Date): "revoked" | "expired" | "idle" | null {
  if (s.revokedAt) return "revoked";
  if (now.getTime() >= s.expiresAt.getTime()) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return null;
}

/**
 * The session and its user when the session is live; otherwise null (and an idle or expired
 * session is revoked on the spot). Called on every request.
 */
export async function validateSession(db: Db, sessionId: string, clock: Clock): Promise<ActiveSession | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sessionId));
  if (!row) return null;
  const now = clock.now();
  const reason = sessionEndReason(row.sessions, now);
  if (reason) {
    if (reason !== "revoked") await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    return null;
  }
  if (now.getTime() - row.sessions.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
    row.sessions.lastSeenAt = now;
  }
  return { session: row.sessions, user: row.users };
}

/** When a session that nobody touches again ends for idleness (what the idle-timeout warning counts down to). */
export function idleDeadline(s: Pick<SessionRow, "lastSeenAt">): Date {
  return new Date(s.lastSeenAt.getTime() + SESSION_IDLE_MS);
}

export type TouchResult = { ok: true; idleDeadline: Date } | { ok: false; reason: "revoked" | "expired" | "idle" | "not_found" };

/**
 * "Stay signed in": marks the session used now (unlike validateSession, whatever SESSION_TOUCH_MS
 * says) and answers its new idle deadline. One conditional UPDATE, so a session that is revoked,
 * past its absolute expiry or already idle is never revived; those answer why instead.
 */
export async function touchSession(svc: Pick<Services, "db" | "clock">, sessionId: string): Promise<TouchResult> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { ok: false, reason: "not_found" };
  const now = svc.clock.now();
  const [touched] = await svc.db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
      ),
    )
    .returning({ lastSeenAt: sessions.lastSeenAt });
  if (touched) return { ok: true, idleDeadline: idleDeadline(touched) };
  const [row] = await svc.db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!row) return { ok: false, reason: "not_found" };
  return { ok: false, reason: sessionEndReason(row, now) ?? "idle" };
}

export async function revokeSession(db: Db, sessionId: string, clock: Clock): Promise<void> {
  await db.update(sessions).set({ revokedAt: clock.now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user (password reset, "sign out everywhere", revoke). */
export async function revokeAllSessions(db: Db, userId: string, clock: Clock): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: clock.now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}
