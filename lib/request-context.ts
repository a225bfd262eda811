import type { RequestContext } from "@/lib/audit";

/** The client's IP and user agent from request headers (first X-Forwarded-For hop, set by the proxy). */
export function requestContextFrom(get: (name: string) => string | null | undefined): RequestContext {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || get("x-real-ip")?.trim() || null;
  return { ip: ip ? ip.replace(/^::ffff:/, "").slice(0, 64) : null, userAgent: get("user-agent")?.slice(0, 300) ?? null };
}
