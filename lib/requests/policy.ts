import { DAY, HOUR } from "@/lib/clock";
import type { RateRule } from "@/lib/rate-limit";

/** Every number the access-request rules use, in one place. Browser-safe. */
export const DECISION_WINDOW_MS = 5 * DAY;
/** The administrators are reminded this long before a request would be denied automatically. */
export const REMINDER_BEFORE_MS = 1 * DAY;
export const REASON_MAX = 500;

export const REQUEST_RATE = {
  ip: { bucket: "access-request:ip", limit: 10, windowMs: HOUR, env: "RATE_LIMIT_ACCESS_REQUEST_PER_IP" },
  email: { bucket: "access-request:email", limit: 5, windowMs: HOUR, env: "RATE_LIMIT_ACCESS_REQUEST_PER_EMAIL" },
  searchIp: { bucket: "provider-search:ip", limit: 120, windowMs: 5 * 60_000, env: "RATE_LIMIT_PROVIDER_SEARCH_PER_IP" },
} satisfies Record<string, RateRule>;

export type RequestStatus = "pending" | "approved" | "denied";

/**
 * The 5-day rule, used by every read and every decision: a pending request submitted exactly
 * 5 days ago or earlier is denied, whether or not the cron route has recorded it yet.
 */
export function effectiveStatus(r: { status: RequestStatus; createdAt: Date }, now: Date): RequestStatus {
  if (r.status !== "pending") return r.status;
  return now.getTime() - r.createdAt.getTime() >= DECISION_WINDOW_MS ? "denied" : "pending";
}

/** True when a denial came from the 5-day rule (recorded by the cron route, or not yet recorded). */
export function isAutoDenied(r: { status: RequestStatus; createdAt: Date; decidedAutomatically: string | null }, now: Date): boolean {
  return (r.status === "denied" && !!r.decidedAutomatically) || (r.status === "pending" && effectiveStatus(r, now) === "denied");
}

/** When a pending request is denied automatically. */
export function autoDenyAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + DECISION_WINDOW_MS);
}

/** "auto-denies in 2 days" / "in 5 hours" / "in 10 minutes": what the Access Requests tab shows. */
export function timeLeftText(createdAt: Date, now: Date): string {
  const ms = autoDenyAt(createdAt).getTime() - now.getTime();
  if (ms <= 0) return "auto-denied";
  const days = Math.floor(ms / DAY);
  if (days >= 1) return `auto-denies in ${days} ${days === 1 ? "day" : "days"}`;
  const hours = Math.floor(ms / HOUR);
  if (hours >= 1) return `auto-denies in ${hours} ${hours === 1 ? "hour" : "hours"}`;
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `auto-denies in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
