import { headers } from "next/headers";
import type { RequestContext } from "@/lib/audit";
import { requestContextFrom } from "@/lib/request-context";

/** The current request's IP and user agent, for audit and rate limits. */
export async function currentRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return requestContextFrom((name) => h.get(name));
}

/**
 * True when a server action arrived as a plain form post, without JavaScript: the framework's
 * own calls name the action in a `Next-Action` header, a browser posting the form does not.
 */
export async function postedWithoutScript(): Promise<boolean> {
  return !(await headers()).has("next-action");
}
