import { rememberInvitation } from "@/lib/next/invitation-cookie";

const NEXT_STEP: Record<string, string> = { register: "/register", login: "/login", mfa: "/mfa" };

/**
 * From the invitation page to Create Account, Sign in or the MFA step, remembering the invitation
 * (a cookie) so the person comes back to it afterwards. The token itself is checked when it is used.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const token = params.get("token") ?? "";
  if (/^[A-Za-z0-9_-]{20,100}$/.test(token)) await rememberInvitation(token);
  const target = NEXT_STEP[params.get("to") ?? ""] ?? "/login";
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
}
