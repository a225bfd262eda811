import { appServices } from "@/lib/app-services";
import { hitRateLimit } from "@/lib/rate-limit";
import { requestContextFrom } from "@/lib/request-context";
import { searchRegisteredProviders, type RegisteredProvider } from "@/lib/requests/directory";
import { REQUEST_RATE } from "@/lib/requests/policy";

const NO_STORE = { "cache-control": "no-store" };

/** The Request Access search dialog: GET ?q= → { results }, registered providers only, rate-limited per IP. */
export async function GET(req: Request) {
  const q = (new URL(req.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  // Too short to search: answer without touching the database (or the rate limit).
  if (q.length < 2) return Response.json({ results: [] satisfies RegisteredProvider[] }, { headers: NO_STORE });

  const svc = await appServices();
  const { ip } = requestContextFrom((n) => req.headers.get(n));
  const limit = await hitRateLimit(svc.db, REQUEST_RATE.searchIp, ip ?? "unknown", svc.clock);
  if (!limit.allowed) {
    return Response.json(
      { error: "rate_limited", retryAfterMs: limit.retryAfterMs },
      { status: 429, headers: { ...NO_STORE, "retry-after": String(Math.ceil(limit.retryAfterMs / 1000)) } },
    );
  }
  const results: RegisteredProvider[] = await searchRegisteredProviders(svc.db, q);
  return Response.json({ results }, { headers: NO_STORE });
}
