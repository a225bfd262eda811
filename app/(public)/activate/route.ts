import { activateAccount } from "@/lib/auth/activation";
import { defineRoute } from "@/lib/next/route";

/** The emailed Activate Account link: activates, then lands on sign-in or on a page to get a new link. */
export const GET = defineRoute({ name: "auth.activate", guard: "public" }, async (req, { svc, request }) => {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  const result = await activateAccount(svc, token, request);
  const target = result === "activated" ? "/login?activated=1" : `/resend-activation?link=${result}`;
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
});
