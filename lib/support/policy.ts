import { HOUR } from "@/lib/clock";
import type { RateRule } from "@/lib/rate-limit/config";

/** Send Message (sign-in page): a short note to the plan's support address. */
export const SUPPORT_MESSAGE_MAX = 2000;

export const SUPPORT_RATE = {
  ip: { bucket: "support-message:ip", limit: 5, windowMs: HOUR, env: "RATE_LIMIT_SUPPORT_MESSAGE_PER_IP" },
  email: { bucket: "support-message:email", limit: 3, windowMs: HOUR, env: "RATE_LIMIT_SUPPORT_MESSAGE_PER_EMAIL" },
} satisfies Record<string, RateRule>;

/** What the message is about: the support desk routes on it. */
export const SUPPORT_TOPICS = [
  ["sign-in", "Signing in or my account"],
  ["registration", "Registration or activation"],
  ["provider", "Associating or linking a provider"],
  ["users", "Managing users or access requests"],
  ["other", "Something else"],
] as const;
