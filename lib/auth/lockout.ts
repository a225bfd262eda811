import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { sqlTimestamp, type Clock } from "@/lib/clock";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "./policy";

/** Lockout state per email (known or not), in PostgreSQL so every app instance shares it. */
export async function isLocked(db: Db, email: string, clock: Clock): Promise<boolean> {
  const [row] = await db
    .select({ email: loginFailures.email })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.lockedUntil, clock.now())));
  return !!row;
}

/**
 * Counts one failed password. Returns whether the email is now locked and whether this very
 * failure locked it (so the owner is emailed once). A lock that has run out starts the count anew.
 */
export async function recordFailedPassword(db: Db, email: string, clock: Clock): Promise<{ locked: boolean; justLocked: boolean }> {
  const now = clock.now();
  const expired = sql`${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${sqlTimestamp(now)}::timestamptz`;
  const [row] = await db
    .insert(loginFailures)
    .values({ email, failedCount: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: loginFailures.email,
      set: {
        failedCount: sql`case when ${expired} then 1 else ${loginFailures.failedCount} + 1 end`,
        lockedUntil: sql`case when ${expired} then null else ${loginFailures.lockedUntil} end`,
        lastFailedAt: now,
      },
    })
    .returning({ failedCount: loginFailures.failedCount });
  if (row!.failedCount < LOCKOUT_THRESHOLD) return { locked: false, justLocked: false };
  const locked = await db
    .update(loginFailures)
    .set({ lockedUntil: new Date(now.getTime() + LOCKOUT_MS) })
    .where(and(eq(loginFailures.email, email), isNull(loginFailures.lockedUntil)))
    .returning({ email: loginFailures.email });
  return { locked: true, justLocked: locked.length > 0 };
}

/** A correct password or a completed reset clears the count and any lock. */
export async function clearFailedPasswords(db: Db, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
