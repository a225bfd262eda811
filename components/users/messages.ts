import { permissionLabel, type Role } from "@/lib/access/permissions";

/** What each refusal from lib/users means to an administrator. */
export const MANAGE_FAILURES: Record<string, string> = {
  forbidden: "Only an administrator of this provider can do that.",
  not_found: "That user is not part of this provider. Refresh the page.",
  last_admin: "This is the provider's last active administrator. Make someone else an administrator first.",
  no_change: "That was already done. Refresh the page.",
  invalid: "That did not work. Refresh the page and try again.",
  not_pending: "This invitation was already accepted or cancelled.",
};

/** A role and what it grants, as the status messages and the Edit dialog say it: "User with Claims view, Remittance". */
export function grantSummary(role: Role, permissions: readonly string[]): string {
  if (role === "admin") return "Administrator, with every permission";
  const labels = permissions.map((p) => permissionLabel(p)).filter(Boolean);
  return `User with ${labels.length ? labels.join(", ") : "no permissions"}`;
}
