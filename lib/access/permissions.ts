import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerMemberships, type ProviderMembership } from "@/db/schema";

/**
 * What a person may do for a provider (seed 002): a provider's administrators hold every
 * permission; users hold the ones an administrator gave them. Browser-safe except for the two
 * database checks at the bottom, which are the only server-side answer to "may they?".
 */
export const PERMISSIONS = [
  { id: "message_box", label: "Message Box" },
  { id: "eligibility_benefits", label: "Eligibility & Benefits" },
  { id: "claims_view", label: "Claims view" },
  { id: "claims_submit", label: "Claims submit" },
  { id: "remittance", label: "Remittance" },
  { id: "authorizations", label: "Authorizations" },
  { id: "enrollment_view", label: "Enrollment application view" },
  { id: "enrollment_edit", label: "Enrollment application edit" },
  { id: "enrollment_sign", label: "Enrollment application sign" },
  { id: "enrollment_submit", label: "Enrollment application submit" },
  { id: "enrollment_pay_fee", label: "Enrollment application pay fee" },
] as const;

export type Permission = (typeof PERMISSIONS)[number]["id"];
export const PERMISSION_IDS = PERMISSIONS.map((p) => p.id) as [Permission, ...Permission[]];

export const ROLES = [
  { id: "admin", label: "Administrator" },
  { id: "user", label: "User" },
] as const;
export type Role = (typeof ROLES)[number]["id"];

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.id === role)!.label;
}

export function permissionLabel(id: string): string | null {
  return PERMISSIONS.find((p) => p.id === id)?.label ?? null;
}

export function isPermission(id: string): id is Permission {
  return PERMISSIONS.some((p) => p.id === id);
}

/** The permissions a membership grants: all for an administrator, the known stored ones for a user. */
export function grantedPermissions(m: Pick<ProviderMembership, "role" | "permissions">): Permission[] {
  if (m.role === "admin") return [...PERMISSION_IDS];
  return PERMISSION_IDS.filter((id) => m.permissions.includes(id));
}

/**
 * The permissions a membership holds as a User: for a User what they are granted, for an
 * administrator what they would get back if demoted (known ids only).
 */
export function userPermissions(m: Pick<ProviderMembership, "permissions">): Permission[] {
  return PERMISSION_IDS.filter((id) => m.permissions.includes(id));
}

/**
 * What a membership stores after a change of role. An administrator holds every permission by
 * role, so becoming or staying one leaves the stored permissions as they were (what they held as
 * a User, whatever was chosen); becoming or staying a User stores exactly what was chosen.
 * So demoting an administrator gives back what they had before, or none.
 */
export function permissionsToStore(stored: readonly string[], role: Role, chosen: readonly Permission[]): string[] {
  return role === "admin" ? [...stored] : [...new Set(chosen)];
}

/** The person's ACTIVE membership of the provider, or null (none, revoked, or malformed ids). */
export async function getMembership(db: Db, userId: string, providerId: string): Promise<ProviderMembership | null> {
  if (!isUuid(userId) || !isUuid(providerId)) return null;
  const [m] = await db
    .select()
    .from(providerMemberships)
    .where(and(eq(providerMemberships.userId, userId), eq(providerMemberships.providerId, providerId), eq(providerMemberships.status, "active")));
  return m ?? null;
}

/**
 * THE permission rule, for a membership already read in this request: an active membership holds
 * `permission` when it is an administrator's or was granted it. The guards (pages and actions)
 * and the portal navigation both decide through this, so what a person sees and what the server
 * allows cannot disagree.
 */
export function holds(m: Pick<ProviderMembership, "role" | "permissions" | "status"> | null | undefined, permission: Permission): boolean {
  return !!m && m.status === "active" && grantedPermissions(m).includes(permission);
}

/** The one server-side permission check by ids: does this person hold `permission` for this provider right now? */
export async function can(db: Db, userId: string, providerId: string, permission: Permission): Promise<boolean> {
  return holds(await getMembership(db, userId, providerId), permission);
}

/** Ids from forms and URLs are checked for shape before they reach a query. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
