import { and, eq, gte, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "./policy";

/**
 * Lockout state per email (known or not), in PostgreSQL so every app instance shares it. Sign-in
 * reserves each attempt in this table before checking the password (lib/auth/sign-in.ts).
 */
/**
 * Locks the email for 24 hours when its reserved failures reached the threshold and it is not
 * locked yet. True only for the call that locked it, so the owner is emailed once.
 */
export async function lockIfThresholdReached(db: Db, email: string, now: Date): Promise<boolean> {
  const locked = await db
    .update(loginFailures)
    .set({ lockedUntil: new Date(now.getTime() + LOCKOUT_MS) })
    .where(and(eq(loginFailures.email, email), isNull(loginFailures.lockedUntil), gte(loginFailures.failedCount, LOCKOUT_THRESHOLD)))
    .returning({ email: loginFailures.email });
  return locked.length > 0;
}

/** A completed password reset clears the count and any lock. */
export async function clearFailedPasswords(db: Db, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
