import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import { hitRateLimit } from "@/lib/rate-limit";
import { ASSOCIATION_FAILURES } from "./policy";

/**
 * Only FAILED association attempts count towards the limit, so a person linking several providers
 * is not slowed down: check before matching, count after a failure. Same fixed window as lib/rate-limit.
 */
export async function failedAttemptsLeft(db: Db, userId: string, clock: Clock): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const now = clock.now().getTime();
  const { bucket, limit, windowMs } = ASSOCIATION_FAILURES;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.key, userId), eq(rateLimits.windowStart, windowStart)));
  return { allowed: (row?.count ?? 0) < limit, retryAfterMs: windowStart.getTime() + windowMs - now };
}

export async function countFailedAttempt(db: Db, userId: string, clock: Clock): Promise<void> {
  await hitRateLimit(db, ASSOCIATION_FAILURES, userId, clock);
}
