import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import { effectiveRule, type RateRule } from "./config";

export { effectiveRule, formatRateSetting, parseRateSetting, type RateRule } from "./config";

export interface RateDecision {
  allowed: boolean;
  /** Milliseconds until the window ends (when a refused caller may try again). */
  retryAfterMs: number;
  count: number;
}

/**
 * Counts one hit of `key` against `rule` in a fixed window stored in PostgreSQL, so every app
 * instance shares the count. The hit is counted even when refused.
 */
export async function hitRateLimit(db: Db, configured: RateRule, key: string, clock: Clock): Promise<RateDecision> {
  const rule = effectiveRule(configured);
  const now = clock.now().getTime();
  const windowStart = new Date(Math.floor(now / rule.windowMs) * rule.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket: rule.bucket, key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row!.count;
  return { allowed: count <= rule.limit, retryAfterMs: windowStart.getTime() + rule.windowMs - now, count };
}

/** Hits several rules; refused if any refuses, with the longest wait. */
export async function hitRateLimits(db: Db, hits: Array<[RateRule, string]>, clock: Clock): Promise<RateDecision> {
  let worst: RateDecision = { allowed: true, retryAfterMs: 0, count: 0 };
  for (const [rule, key] of hits) {
    const d = await hitRateLimit(db, rule, key, clock);
    if (!d.allowed && (worst.allowed || d.retryAfterMs > worst.retryAfterMs)) worst = d;
  }
  return worst;
}

/** Deletes windows that ended before `before`. */
export async function purgeRateLimits(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).returning({ k: rateLimits.key });
  return rows.length;
}

export { describeRetry } from "./retry-wording";
