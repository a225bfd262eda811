import type { RequestContext } from "@/lib/audit";

/**
 * How many proxies in front of the portal append to X-Forwarded-For (default 1: one load
 * balancer, nginx with $proxy_add_x_forwarded_for, Vercel). Validated at start-up by lib/env.
 */
export function trustedProxyHops(source: Record<string, string | undefined> = process.env): number {
  const n = Number(source.TRUSTED_PROXY_HOPS ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}

/**
 * The client's address: the X-Forwarded-For entry `hops` places from the right, the one the
 * nearest trusted proxy wrote. Entries to its left were written by the client and are ignored.
 * With no proxy in front, Next.js itself fills the header with the socket's address. A header
 * with fewer entries than trusted hops did not come through the proxies: no address (null), so
 * such requests share one "unknown" bucket instead of choosing their own.
 */
export function clientAddress(forwardedFor: string | null | undefined, hops = trustedProxyHops()): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length < hops) return null;
  const ip = entries[entries.length - hops]!.replace(/^::ffff:/, "");
  return /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}

/** The client's address and user agent from request headers, for audit and rate limits. */
export function requestContextFrom(get: (name: string) => string | null | undefined): RequestContext {
  return { ip: clientAddress(get("x-forwarded-for")), userAgent: get("user-agent")?.slice(0, 300) ?? null };
}
