import { HOUR, MINUTE, DAY } from "@/lib/clock";
import type { RateRule } from "@/lib/rate-limit";

export const CODE_TTL_MS = 10 * MINUTE;
export const CODE_RESEND_MS = 30_000;
/** Tries per emailed or texted code; then the code is void and a new one must be sent. */
export const CODE_MAX_ATTEMPTS = 5;
export const CHALLENGE_MAX_FAILURES = 5;
export const TRUSTED_DEVICE_MS = 30 * DAY;
export const REVERIFY_AFTER_MS = 10 * MINUTE;
export const RECOVERY_CODE_COUNT = 10;
export const TRUSTED_DEVICE_COOKIE = "pp_trusted_device";

export const MFA_RATE = {
  sendHourly: { bucket: "mfa-send:user", limit: 5, windowMs: HOUR, env: "RATE_LIMIT_MFA_CODES_PER_USER" },
} satisfies Record<string, RateRule>;
