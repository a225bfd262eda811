import { DAY, HOUR, MINUTE } from "@/lib/clock";
import type { RateRule } from "@/lib/rate-limit";

/** Every number the account rules use, in one place. */
export const ACTIVATION_TTL_MS = 7 * DAY;
export const RESET_TTL_MS = 1 * HOUR;
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 24 * HOUR;
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** last_seen_at is written at most this often, to keep reads cheap. */
export const SESSION_TOUCH_MS = 1 * MINUTE;

export const RATE = {
  signInIp: { bucket: "sign-in:ip", limit: 30, windowMs: 15 * MINUTE },
  signInAccount: { bucket: "sign-in:email", limit: 10, windowMs: 15 * MINUTE },
  registerIp: { bucket: "register:ip", limit: 10, windowMs: HOUR },
  resendIp: { bucket: "resend:ip", limit: 10, windowMs: HOUR },
  resendAccount: { bucket: "resend:email", limit: 3, windowMs: HOUR },
  forgotIp: { bucket: "forgot:ip", limit: 10, windowMs: HOUR },
  forgotAccount: { bucket: "forgot:email", limit: 3, windowMs: HOUR },
} satisfies Record<string, RateRule>;
