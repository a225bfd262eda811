import { defineRoute } from "@/lib/next/route";
import { hitRateLimit } from "@/lib/rate-limit";
import { searchRegisteredProviders, type RegisteredProvider } from "@/lib/requests/directory";
import { REQUEST_RATE } from "@/lib/requests/policy";
import { hasControlCharacters } from "@/lib/text";

const NO_STORE = { "cache-control": "no-store" };

/** The Request Access search dialog: GET ?q= → { results }, registered providers only, rate-limited per address. */
export const GET = defineRoute({ name: "providers.search", guard: "public" }, async (req, { svc, request }) => {
  const raw = new URL(req.url).searchParams.get("q") ?? "";
  if (hasControlCharacters(raw)) return Response.json({ error: "invalid", message: "Search for letters and digits only" }, { status: 400, headers: NO_STORE });
  const q = raw.trim().slice(0, 100);
  // Too short to search: answer without touching the database (or the rate limit).
  if (q.length < 2) return Response.json({ results: [] satisfies RegisteredProvider[] }, { headers: NO_STORE });

  const limit = await hitRateLimit(svc.db, REQUEST_RATE.searchIp, request.ip ?? "unknown", svc.clock);
  if (!limit.allowed) {
    return Response.json(
      { error: "rate_limited", retryAfterMs: limit.retryAfterMs },
      { status: 429, headers: { ...NO_STORE, "retry-after": String(Math.ceil(limit.retryAfterMs / 1000)) } },
    );
  }
  const results: RegisteredProvider[] = await searchRegisteredProviders(svc.db, q);
  return Response.json({ results }, { headers: NO_STORE });
});
