import { rememberInvitation } from "@/lib/next/invitation-cookie";
import { defineRoute } from "@/lib/next/route";

/** Where each choice on the invitation page leads; anything else (`__proto__` included) goes to sign in. */
const NEXT_STEP = new Map([
  ["register", "/register"],
  ["login", "/login"],
  ["mfa", "/mfa"],
]);

/**
 * From the invitation page to Create Account, Sign in or the MFA step, remembering the invitation
 * (a cookie) so the person comes back to it afterwards. The token itself is checked when it is used.
 */
export const GET = defineRoute({ name: "invitations.continue", guard: "public" }, async (req) => {
  const params = new URL(req.url).searchParams;
  const token = params.get("token") ?? "";
  if (/^[A-Za-z0-9_-]{20,100}$/.test(token)) await rememberInvitation(token);
  const target = NEXT_STEP.get(params.get("to") ?? "") ?? "/login";
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
});
