import { and, desc, eq, gt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { invitations, providerAddresses, providerMemberships, providers, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { isUuid, type Permission, type Role } from "@/lib/access/permissions";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { fieldErrorsOf } from "@/lib/forms";
import { createInvitation, INVITATION_TTL_MS } from "@/lib/invitations/create";
import { invitationEmail } from "@/lib/invitations/emails";
import { enqueueEmail } from "@/lib/mail/outbox";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { notify } from "@/lib/messages/notify";
import { isActiveAdmin } from "./authz";
import { invitationIdSchema, inviteBatchSchema, inviteRowSchema, type InviteRow } from "./schemas";

import { INVITE_ROW_MESSAGES, type InviteRowProblem, type InviteRowResult } from "./invite-messages";
export { INVITE_ROW_MESSAGES, type InviteRowResult };

export type InviteResult =
  | { ok: true; results: InviteRowResult[] }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };


/**
 * "Send Invitation": each queued row on its own (one bad row does not stop the others), each in a
 * transaction that locks the provider row so two administrators inviting the same person at once
 * make exactly one pending invitation.
 */
export async function inviteUsers(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<InviteResult> {
  if (!(await isActiveAdmin(svc.db, actorId, providerId))) {
    await recordAudit(svc.db, ctx, { action: "invitation.refused", actorUserId: actorId, details: { providerId: String(providerId).slice(0, 64) } }, svc.clock.now());
    return { ok: false, reason: "forbidden" };
  }
  const batch = inviteBatchSchema.safeParse(input);
  if (!batch.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(batch.error) };
  const results: InviteRowResult[] = [];
  for (const raw of batch.data.rows) {
    const rawEmail = typeof raw === "object" && raw !== null && typeof (raw as { email?: unknown }).email === "string" ? String((raw as { email: string }).email).trim().slice(0, 254) : "";
    const parsed = inviteRowSchema.safeParse(raw);
    if (!parsed.success) {
      results.push({ ok: false, email: rawEmail, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) });
      continue;
    }
    const row = parsed.data;
    results.push(
      await svc.db.transaction(async (tx): Promise<InviteRowResult> => {
        const now = svc.clock.now();
        const [provider] = await tx.select().from(providers).where(eq(providers.id, providerId)).for("update");
        if (!provider || !(await isActiveAdmin(tx, actorId, providerId))) return { ok: false, email: row.email, reason: "invalid", fieldErrors: { form: "forbidden" } };
        const problem = await inviteRowProblem(tx, providerId, row, now);
        if (problem) return { ok: false, email: row.email, reason: problem };
        const { invitation } = await createInvitation(svc, tx, {
          providerId,
          providerName: providerDisplayName(provider),
          email: row.email,
          firstName: row.firstName,
          lastName: row.lastName,
          role: row.role,
          permissions: [...new Set(row.permissions)],
          invitedByUserId: actorId,
        });
        await notify(tx, svc, { kind: "invitation.sent", providerId, inviteeName: `${row.firstName} ${row.lastName}`, actorUserId: actorId });
        await recordAudit(
          tx,
          ctx,
          { action: "invitation.sent", actorUserId: actorId, providerId, details: { invitationId: invitation.id, email: row.email, name: `${row.firstName} ${row.lastName}`, role: row.role, permissions: invitation.permissions } },
          now,
        );
        return { ok: true, email: row.email, invitationId: invitation.id };
      }),
    );
  }
  return { ok: true, results };
}

/**
 * Why this provider cannot invite `row`, or null: the ZIP must be one of THIS provider's (only its
 * own addresses are read, so the answer says nothing about any other provider), the person must not
 * already be an active user of it, nor hold a pending invitation to it.
 */
async function inviteRowProblem(db: Db, providerId: string, row: InviteRow, now: Date): Promise<InviteRowProblem | null> {
  const [zipOk] = await db
    .select({ id: providerAddresses.id })
    .from(providerAddresses)
    .where(and(eq(providerAddresses.providerId, providerId), eq(providerAddresses.zip5, row.zip.slice(0, 5))))
    .limit(1);
  if (!zipOk) return "wrong_zip";
  const [member] = await db
    .select({ id: providerMemberships.id })
    .from(providerMemberships)
    .innerJoin(users, eq(users.id, providerMemberships.userId))
    .where(and(eq(providerMemberships.providerId, providerId), eq(providerMemberships.status, "active"), eq(users.email, row.email)));
  if (member) return "already_member";
  const [pending] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.providerId, providerId), eq(invitations.email, row.email), eq(invitations.status, "pending"), gt(invitations.expiresAt, now)));
  if (pending) return "duplicate_pending";
  return null;
}

/** The field each problem belongs to in the Invite New User form. */
const PROBLEM_FIELD: Record<InviteRowProblem, "zip" | "email"> = { wrong_zip: "zip", already_member: "email", duplicate_pending: "email" };

export type CheckInviteRowResult =
  | { ok: true; row: InviteRow }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

/**
 * "Add to List": checks one person as Send Invitation will, before they join the list, so a wrong
 * ZIP is said on the ZIP field while it can still be fixed. Writes nothing; Send Invitation checks
 * again (the list may wait a while).
 */
export async function checkInviteRow(svc: Services, actorId: string, providerId: string, input: unknown): Promise<CheckInviteRowResult> {
  if (!(await isActiveAdmin(svc.db, actorId, providerId))) return { ok: false, reason: "forbidden" };
  const parsed = inviteRowSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const problem = await inviteRowProblem(svc.db, providerId, parsed.data, svc.clock.now());
  if (problem) return { ok: false, reason: "invalid", fieldErrors: { [PROBLEM_FIELD[problem]]: INVITE_ROW_MESSAGES[problem] } };
  return { ok: true, row: parsed.data };
}

export type InvitationState = "pending" | "accepted" | "expired" | "cancelled";

export interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
  state: InvitationState;
  fromAccessRequest: boolean;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  cancelledAt: Date | null;
}

/** A pending invitation whose 7 days have passed reads as expired everywhere. */
export function invitationState(i: { status: "pending" | "accepted" | "cancelled"; expiresAt: Date }, now: Date): InvitationState {
  if (i.status === "pending" && now.getTime() >= i.expiresAt.getTime()) return "expired";
  return i.status;
}

export async function listInvitations(svc: Services, actorId: string, providerId: string): Promise<{ ok: true; invitations: InvitationRow[] } | { ok: false; reason: "forbidden" }> {
  if (!(await isActiveAdmin(svc.db, actorId, providerId))) return { ok: false, reason: "forbidden" };
  const inviter = alias(users, "inviter");
  const rows = await svc.db
    .select({ i: invitations, by: { firstName: inviter.firstName, lastName: inviter.lastName } })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(eq(invitations.providerId, providerId))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
  const now = svc.clock.now();
  return {
    ok: true,
    invitations: rows.map(({ i, by }) => ({
      id: i.id,
      email: i.email,
      name: `${i.firstName} ${i.lastName}`,
      role: i.role,
      permissions: i.permissions as Permission[],
      state: invitationState(i, now),
      fromAccessRequest: !!i.accessRequestId,
      invitedBy: by ? `${by.firstName} ${by.lastName}` : null,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      cancelledAt: i.cancelledAt,
    })),
  };
}

export type InvitationActionResult =
  | { ok: true }
  | { ok: false; reason: "invalid" | "forbidden" | "not_found" }
  /** Accepted or cancelled already: nothing to resend or cancel. */
  | { ok: false; reason: "not_pending" };

async function lockInvitation(tx: Db, providerId: string, invitationId: string) {
  const [i] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.providerId, providerId)))
    .for("update");
  return i ?? null;
}

/** Resend: a new token (the old link stops working) and a new 7 days, for a pending or expired invitation. */
export async function resendInvitation(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<InvitationActionResult> {
  const parsed = invitationIdSchema.safeParse(input);
  if (!parsed.success || !isUuid(providerId)) return { ok: false, reason: "invalid" };
  return svc.db.transaction(async (tx): Promise<InvitationActionResult> => {
    const now = svc.clock.now();
    if (!(await isActiveAdmin(tx, actorId, providerId))) return { ok: false, reason: "forbidden" };
    const inv = await lockInvitation(tx, providerId, parsed.data.invitationId);
    if (!inv) return { ok: false, reason: "not_found" };
    if (inv.status !== "pending") return { ok: false, reason: "not_pending" };
    const [provider] = await tx.select().from(providers).where(eq(providers.id, providerId));
    const token = generateToken();
    await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .where(eq(invitations.id, inv.id));
    await enqueueEmail(tx, {
      to: inv.email,
      ...invitationEmail(svc.mail, { firstName: inv.firstName, providerName: providerDisplayName(provider!), token, fromAccessRequest: !!inv.accessRequestId }),
    });
    await recordAudit(tx, ctx, { action: "invitation.resent", actorUserId: actorId, providerId, details: { invitationId: inv.id, email: inv.email, name: `${inv.firstName} ${inv.lastName}` } }, now);
    return { ok: true };
  });
}

/** Cancel: the link stops working; the row stays in the list as cancelled. */
export async function cancelInvitation(svc: Services, actorId: string, providerId: string, input: unknown, ctx: RequestContext): Promise<InvitationActionResult> {
  const parsed = invitationIdSchema.safeParse(input);
  if (!parsed.success || !isUuid(providerId)) return { ok: false, reason: "invalid" };
  return svc.db.transaction(async (tx): Promise<InvitationActionResult> => {
    const now = svc.clock.now();
    if (!(await isActiveAdmin(tx, actorId, providerId))) return { ok: false, reason: "forbidden" };
    const inv = await lockInvitation(tx, providerId, parsed.data.invitationId);
    if (!inv) return { ok: false, reason: "not_found" };
    if (inv.status !== "pending") return { ok: false, reason: "not_pending" };
    await tx.update(invitations).set({ status: "cancelled", cancelledAt: now }).where(eq(invitations.id, inv.id));
    await recordAudit(tx, ctx, { action: "invitation.cancelled", actorUserId: actorId, providerId, details: { invitationId: inv.id, email: inv.email, name: `${inv.firstName} ${inv.lastName}` } }, now);
    return { ok: true };
  });
}
