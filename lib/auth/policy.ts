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

/** Each limit can be changed from the environment (`env`, as LIMIT/WINDOW); .env.example lists them. */
export const RATE = {
  /** Failed sign-ins per address: successes do not count, so staff behind one NAT address can all sign in. */
  signInFailuresIp: { bucket: "sign-in-failures:ip", limit: 30, windowMs: 15 * MINUTE, env: "RATE_LIMIT_SIGN_IN_FAILURES_PER_IP" },
  signInAccount: { bucket: "sign-in:email", limit: 10, windowMs: 15 * MINUTE, env: "RATE_LIMIT_SIGN_IN_PER_EMAIL" },
  registerIp: { bucket: "register:ip", limit: 10, windowMs: HOUR, env: "RATE_LIMIT_REGISTER_PER_IP" },
  resendIp: { bucket: "resend:ip", limit: 10, windowMs: HOUR, env: "RATE_LIMIT_RESEND_ACTIVATION_PER_IP" },
  resendAccount: { bucket: "resend:email", limit: 3, windowMs: HOUR, env: "RATE_LIMIT_RESEND_ACTIVATION_PER_EMAIL" },
  forgotIp: { bucket: "forgot:ip", limit: 10, windowMs: HOUR, env: "RATE_LIMIT_FORGOT_PASSWORD_PER_IP" },
  forgotAccount: { bucket: "forgot:email", limit: 3, windowMs: HOUR, env: "RATE_LIMIT_FORGOT_PASSWORD_PER_EMAIL" },
} satisfies Record<string, RateRule>;
