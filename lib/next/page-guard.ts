import { checkGuard, type GuardContext, type GuardName } from "@/lib/access/guards";
import type { Permission } from "@/lib/access/permissions";
import { appServices } from "@/lib/app-services";
import { refusalRedirect } from "./refusals";
import { currentGuardInput } from "./session";

/**
 * A page's guard, the same rules as its actions' (lib/access/guards.ts). Refused: sign in, /mfa,
 * /associate, or a 404 for a page the person may not see. Pages that allow a stale password
 * (the reverify refusal) ask for it themselves, so they check `mfaEnrollment` with checkPage.
 */
export async function requirePage<G extends GuardName>(guard: G, permission?: Permission): Promise<GuardContext<G>> {
  const decision = await checkPage(guard, permission);
  if (!decision.ok) refusalRedirect(decision.refusal);
  return decision.context;
}

export async function checkPage<G extends GuardName>(guard: G, permission?: Permission) {
  return checkGuard(await appServices(), guard, await currentGuardInput(), permission);
}
