import { redirect } from "next/navigation";
import { cache } from "react";
import { appServices } from "@/lib/app-services";
import type { ActiveSession } from "@/lib/auth/sessions";
import { listLinkedAccounts, resolveActiveProvider, type ActiveProvider, type LinkedAccount } from "@/lib/providers/linked-accounts";
import { requireSession } from "./session";

export type ProviderContext = ActiveSession & ActiveProvider;

/**
 * The signed-in session plus the provider it acts for, re-checked against the person's active
 * memberships on every request; null when the person has no provider link yet.
 */
export const getProviderContext = cache(async (): Promise<(ActiveSession & { active: ActiveProvider | null })> => {
  const s = await requireSession();
  const svc = await appServices();
  const active = await resolveActiveProvider(svc.db, s.session);
  return { ...s, active };
});

/** For provider-scoped pages and actions: the session and its active provider, or off to Associate Provider. */
export async function requireProviderContext(): Promise<ProviderContext> {
  const { active, ...s } = await getProviderContext();
  if (!active) redirect("/associate");
  return { ...s, ...active };
}

/** The person's linked accounts for the ribbon and Manage Linked Accounts, marking the active one. */
export async function linkedAccountsFor(userId: string, activeProviderId: string | null): Promise<LinkedAccount[]> {
  const svc = await appServices();
  return listLinkedAccounts(svc.db, userId, activeProviderId);
}
