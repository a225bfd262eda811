import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerMemberships, users, type ProviderMembership } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { grantedPermissions, isUuid, permissionsToStore, userPermissions, type Permission, type Role } from "@/lib/access/permissions";
import { fieldErrorsOf } from "@/lib/forms";
import type { Services } from "@/lib/services";
import { notify, type NotificationEvent } from "@/lib/messages/notify";
import { isActiveAdmin } from "./authz";
import { editMembershipSchema, membershipIdSchema } from "./schemas";

/** One row of the Users tab. */
export interface ProviderUser {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** What they hold now: every permission for an administrator. */
  permissions: Permission[];
  /** What they hold as a User; for an administrator, what demoting them gives back. */
  userPermissions: Permission[];
  status: "active" | "revoked";
  source: string;
  since: Date;
}

export type ManageResult =
  | { ok: true }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  /** The actor is not an active administrator of this provider. */
  | { ok: false; reason: "forbidden" }
  /** No such membership in this provider. */
  | { ok: false; reason: "not_found" }
  /** The change would leave the provider without an active administrator. */
  | { ok: false; reason: "last_admin" }
  /** Already in the asked-for state (revoking a revoked user, restoring an active one). */
  | { ok: false; reason: "no_change" };

export async function listProviderUsers(svc: Services, actorId: string, providerId: string): Promise<{ ok: true; users: ProviderUser[] } | { ok: false; reason: "forbidden" }> {
  if (!(await isActiveAdmin(svc.db, actorId, providerId))) return { ok: false, reason: "forbidden" };
  const rows = await svc.db
    .select({ m: providerMemberships, u: { email: users.email, firstName: users.firstName, lastName: users.lastName } })
    .from(providerMemberships)
    .innerJoin(users, eq(users.id, providerMemberships.userId))
    .where(eq(providerMemberships.providerId, providerId))
    .orderBy(asc(providerMemberships.status), asc(users.lastName), asc(users.firstName), asc(users.email));
  return {
    ok: true,
    users: rows.map(({ m, u }) => ({
      membershipId: m.id,
      userId: m.userId,
      email: u.email,
      name: `${u.firstName} ${u.lastName}`,
      role: m.role,
      permissions: grantedPermissions(m),
      userPermissions: userPermissions(m),
      status: m.status,
      source: m.source,
      since: m.createdAt,
    })),
  };
}

/** The membership's next role, stored permissions and status (see permissionsToStore), or no_change. */
type Change = (m: ProviderMembership) => { role: Role; permissions: string[]; status: "active" | "revoked" } | "no_change";

/**
 * The one path every Users-tab change takes: in a transaction, check the actor, lock the
 * provider's active administrator memberships (FOR UPDATE, so two administrators demoting each
 * other at once are serialized and the second sees the first's change), lock the target, refuse
 * anything that would leave no active administrator, write, audit.
 */
async function change(svc: Services, actorId: string, providerId: string, membershipId: string, action: UsersEvent["kind"], ctx: RequestContext, compute: Change): Promise<ManageResult> {
  const now = svc.clock.now();
  return svc.db.transaction(async (tx): Promise<ManageResult> => {
    const admins = isUuid(providerId) ? await lockActiveAdmins(tx, providerId) : [];
    if (!admins.some((a) => a.userId === actorId)) {
      await recordAudit(tx, ctx, { action: "users.change.refused", actorUserId: actorId, details: { attempted: action, membershipId, providerId: String(providerId).slice(0, 64) } }, now);
      return { ok: false, reason: "forbidden" };
    }
    const [target] = await tx
      .select()
      .from(providerMemberships)
      .where(and(eq(providerMemberships.id, membershipId), eq(providerMemberships.providerId, providerId)))
      .for("update");
    if (!target) return { ok: false, reason: "not_found" };
    const next = compute(target);
    if (next === "no_change") return { ok: false, reason: "no_change" };
    const wasActiveAdmin = target.role === "admin" && target.status === "active";
    const staysActiveAdmin = next.role === "admin" && next.status === "active";
    if (wasActiveAdmin && !staysActiveAdmin && admins.filter((a) => a.id !== target.id).length === 0) {
      await recordAudit(tx, ctx, { action: "users.change.refused", actorUserId: actorId, subjectUserId: target.userId, providerId, details: { attempted: action, reason: "last_admin" } }, now);
      return { ok: false, reason: "last_admin" };
    }
    const { permissions } = next;
    // Kept while revoked (the revoked-access notice says when); cleared by Restore.
    const revokedAt = next.status === "revoked" ? (target.status === "revoked" ? target.revokedAt : now) : null;
    await tx.update(providerMemberships).set({ role: next.role, permissions, status: next.status, revokedAt, updatedAt: now }).where(eq(providerMemberships.id, target.id));
    await notify(tx, svc, notificationFor(action, { providerId, subjectUserId: target.userId, actorUserId: actorId, role: next.role, permissions }));
    await recordAudit(
      tx,
      ctx,
      {
        action,
        actorUserId: actorId,
        subjectUserId: target.userId,
        providerId,
        details: { from: { role: target.role, permissions: target.permissions, status: target.status }, to: { role: next.role, permissions, status: next.status } },
      },
      now,
    );
    return { ok: true };
  });
}

type UsersEvent = Extract<NotificationEvent, { kind: `users.${string}` }>;

/** The Message Box notification for a Users-tab change (its audit action names the kind). */
function notificationFor(action: UsersEvent["kind"], e: { providerId: string; subjectUserId: string; actorUserId: string; role: Role; permissions: string[] }): UsersEvent {
  if (action === "users.role_changed") return { kind: action, ...e };
  return { kind: action, providerId: e.providerId, subjectUserId: e.subjectUserId, actorUserId: e.actorUserId };
}

async function lockActiveAdmins(tx: Db, providerId: string): Promise<{ id: string; userId: string }[]> {
  return tx
    .select({ id: providerMemberships.id, userId: providerMemberships.userId })
    .from(providerMemberships)
    .where(and(eq(providerMemberships.providerId, providerId), eq(providerMemberships.role, "admin"), eq(providerMemberships.status, "active")))
    .orderBy(asc(providerMemberships.id))
    .for("update");
}

/**
 * "Edit Role and Permissions": sets the role; a User gets exactly the chosen permissions, an
 * administrator keeps the stored ones (permissionsToStore), so a later demotion gives them back.
 */
export async function editRoleAndPermissions(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<ManageResult> {
  const parsed = editMembershipSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { membershipId, role, permissions } = parsed.data;
  return change(svc, actorId, providerId, membershipId, "users.role_changed", ctx, (m) => ({ role, permissions: permissionsToStore(m.permissions, role, permissions), status: m.status }));
}

/** "Make Admin": the user becomes an administrator (all permissions by role); what they held as a User is kept for a later demotion. */
export async function makeAdmin(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<ManageResult> {
  const parsed = membershipIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return change(svc, actorId, providerId, parsed.data.membershipId, "users.made_admin", ctx, (m) =>
    m.role === "admin" || m.status !== "active" ? "no_change" : { role: "admin", permissions: permissionsToStore(m.permissions, "admin", []), status: "active" },
  );
}

/** "Revoke User": takes effect on the person's next request (provider-context re-reads memberships). */
export async function revokeUser(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<ManageResult> {
  const parsed = membershipIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return change(svc, actorId, providerId, parsed.data.membershipId, "users.revoked", ctx, (m) =>
    m.status === "revoked" ? "no_change" : { role: m.role, permissions: m.permissions, status: "revoked" },
  );
}

/** Restores a revoked user with the role and permissions they had. */
export async function restoreUser(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<ManageResult> {
  const parsed = membershipIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return change(svc, actorId, providerId, parsed.data.membershipId, "users.restored", ctx, (m) =>
    m.status === "active" ? "no_change" : { role: m.role, permissions: m.permissions, status: "active" },
  );
}
