import { HOUR, MINUTE } from "@/lib/clock";
import type { RateRule } from "@/lib/rate-limit";

/** Failed association attempts (not found or mismatch) per person, so the registry cannot be mined. */
export const ASSOCIATION_FAILURES: RateRule = { bucket: "associate:user", limit: 10, windowMs: HOUR, env: "RATE_LIMIT_ASSOCIATION_FAILURES_PER_USER" };

/** How long a matched provider waits for its Provider Agreement (step 2). */
export const PENDING_ASSOCIATION_TTL_MS = 30 * MINUTE;
