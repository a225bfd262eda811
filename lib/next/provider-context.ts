import { cache } from "react";
import { appServices } from "@/lib/app-services";
import type { SessionContext } from "@/lib/access/guards";
import { listLinkedAccounts, resolveActiveProvider, type ActiveProvider, type LinkedAccount } from "@/lib/providers/linked-accounts";
import { requirePage } from "./page-guard";

/**
 * For signed-in pages that also serve people with no provider yet (home, Associate Provider,
 * security settings): the session plus the provider it acts for, or null.
 */
export const getProviderContext = cache(async (): Promise<SessionContext & { active: ActiveProvider | null }> => {
  const s = await requirePage("signedIn");
  const active = await resolveActiveProvider((await appServices()).db, s.session);
  return { ...s, active };
});

/** The person's linked accounts for the ribbon and Manage Linked Accounts, marking the active one. */
export async function linkedAccountsFor(userId: string, activeProviderId: string | null): Promise<LinkedAccount[]> {
  const svc = await appServices();
  return listLinkedAccounts(svc.db, userId, activeProviderId);
}
