import { appServices } from "@/lib/app-services";
import { activateAccount } from "@/lib/auth/activation";
import { currentRequestContext } from "@/lib/next/request";

/** The emailed Activate Account link: activates, then lands on sign-in or on a page to get a new link. */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const result = await activateAccount(await appServices(), token, await currentRequestContext());
  const target = result === "activated" ? "/login?activated=1" : `/resend-activation?link=${result}`;
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
}
