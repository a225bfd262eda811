import { notFound } from "next/navigation";
import { requireProviderContext, type ProviderContext } from "./provider-context";

/**
 * For Manage Users pages: the session's active provider, where this person is an administrator.
 * Anyone else gets a 404, not a hint that the page exists. Actions check again in lib/ (canManageUsers).
 */
export async function requireProviderAdmin(): Promise<ProviderContext> {
  const ctx = await requireProviderContext();
  if (ctx.membership.role !== "admin") notFound();
  return ctx;
}
