import { headers } from "next/headers";
import type { RequestContext } from "@/lib/audit";
import { requestContextFrom } from "@/lib/request-context";

/** The current request's IP and user agent, for audit and rate limits. */
export async function currentRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return requestContextFrom((name) => h.get(name));
}
