import type { ProviderMembership } from "@/db/schema";
import { holds, type Permission } from "./permissions";

export type MenuId = "home" | "messages" | "associate" | "link" | "accounts" | "users" | "settings";

export interface MenuItem {
  id: MenuId;
  href: string;
  label: string;
  /** Items grouped under the "Users" heading. */
  section?: "users";
}

type Gate = { needsProvider: boolean; permission?: Permission; adminOnly?: boolean; withoutProvider?: boolean };

/**
 * Every entry of the portal's left navigation with what it needs. The pages behind them check the
 * same things through their guards (requirePage with the same permission, providerAdmin), and
 * both decide through `holds`, so a menu entry is shown exactly when its page would open.
 */
const MENU: Array<MenuItem & Gate> = [
  { id: "home", href: "/home", label: "Home", needsProvider: true },
  { id: "messages", href: "/messages", label: "Message Box", needsProvider: true, permission: "message_box" },
  { id: "associate", href: "/associate", label: "Associate Your Account", needsProvider: false, withoutProvider: true },
  { id: "link", href: "/accounts/link", label: "Link Account", section: "users", needsProvider: true },
  { id: "accounts", href: "/accounts", label: "Manage Linked Accounts", section: "users", needsProvider: true },
  { id: "users", href: "/users", label: "Manage Users", section: "users", needsProvider: true, adminOnly: true },
  { id: "settings", href: "/settings/security", label: "Security settings", needsProvider: false },
];

type Membership = Pick<ProviderMembership, "role" | "permissions" | "status">;

/** The navigation entries this person sees, for the membership of the session's active provider (null: none). */
export function portalMenu(membership: Membership | null): MenuItem[] {
  const active = !!membership && membership.status === "active";
  return MENU.filter((item) => {
    if (item.withoutProvider) return !active;
    if (item.needsProvider && !active) return false;
    if (item.adminOnly && membership?.role !== "admin") return false;
    if (item.permission && !holds(membership, item.permission)) return false;
    return true;
  }).map(({ id, href, label, section }) => ({ id, href, label, ...(section ? { section } : {}) }));
}
