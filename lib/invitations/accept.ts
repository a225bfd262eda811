import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agreementAcceptances, invitations, providerMemberships, providers, sessions, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { getMembership, type Permission, type Role } from "@/lib/access/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { fieldErrorsOf } from "@/lib/forms";
import { currentAgreement } from "@/lib/providers/agreement";
import { agreementSchema } from "@/lib/providers/schemas";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { notify } from "@/lib/messages/notify";

/**
 * Accepting an invitation (from "Invite New User" or an approved access request). The emailed
 * token is looked up by its SHA-256 only. It works once, strictly before expires_at, while the
 * invitation is pending, and only for a signed-in, MFA-verified account whose (activated) email is
 * the invited one; anything else changes nothing.
 *
 * Decision: a person whose membership of the provider was revoked may be invited back; accepting
 * reactivates that membership with the invited role and permissions (an administrator's explicit
 * new grant). A person who is already an active user of the provider is refused ("already_member")
 * and the invitation stays as it was.
 */

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export type InvitationPreview =
  | { status: "invalid" }
  | {
      status: "pending" | "expired" | "accepted" | "cancelled";
      email: string;
      firstName: string;
      lastName: string;
      providerName: string;
      providerNumber: string;
      invitedBy: string | null;
      role: Role;
      permissions: Permission[];
      expiresAt: Date;
    };

/** What the acceptance page shows before anything is accepted. Read-only. */
export async function previewInvitation(svc: Services, token: unknown): Promise<InvitationPreview> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return { status: "invalid" };
  const inviter = alias(users, "inviter");
  const [row] = await svc.db
    .select({ i: invitations, p: providers, by: { firstName: inviter.firstName, lastName: inviter.lastName } })
    .from(invitations)
    .innerJoin(providers, eq(providers.id, invitations.providerId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { status: "invalid" };
  const { i, p, by } = row;
  const expired = i.status === "pending" && svc.clock.now().getTime() >= i.expiresAt.getTime();
  return {
    status: expired ? "expired" : i.status,
    email: i.email,
    firstName: i.firstName,
    lastName: i.lastName,
    providerName: providerDisplayName(p),
    providerNumber: p.providerNumber,
    invitedBy: by ? `${by.firstName} ${by.lastName}` : null,
    role: i.role,
    permissions: i.permissions as Permission[],
    expiresAt: i.expiresAt,
  };
}

export type AcceptInvitationResult =
  | { ok: true; providerId: string; providerName: string; role: Role }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "agreement_changed" }
  /** Unknown or forged token. */
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "used" | "expired" | "cancelled" }
  /** Signed in as someone else (or an account not yet activated). */
  | { ok: false; reason: "wrong_email"; invitedEmail: string }
  /** The session is gone or has not passed MFA. */
  | { ok: false; reason: "not_verified" }
  | { ok: false; reason: "already_member" };

export interface Invitee {
  userId: string;
  sessionId: string;
}

export async function acceptInvitation(svc: Services, who: Invitee, token: unknown, input: unknown, ctx: RequestContext): Promise<AcceptInvitationResult> {
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return { ok: false, reason: "not_found" };
  const agreement = await currentAgreement(svc.db);
  if (!agreement || agreement.version !== parsed.data.agreementVersion) return { ok: false, reason: "agreement_changed" };
  const now = svc.clock.now();

  return svc.db.transaction(async (tx): Promise<AcceptInvitationResult> => {
    const [s] = await tx
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, who.sessionId), eq(sessions.userId, who.userId), isNull(sessions.revokedAt)));
    if (!s || !s.session.mfaVerifiedAt || s.session.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "not_verified" };

    const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update");
    const refuse = async (reason: string) =>
      recordAudit(tx, ctx, { action: "invitation.accept.refused", actorUserId: who.userId, providerId: inv?.providerId ?? null, details: { reason, invitationId: inv?.id ?? null } }, now);
    if (!inv) {
      await refuse("not_found");
      return { ok: false, reason: "not_found" };
    }
    if (inv.status === "accepted") {
      await refuse("used");
      return { ok: false, reason: "used" };
    }
    if (inv.status === "cancelled") {
      await refuse("cancelled");
      return { ok: false, reason: "cancelled" };
    }
    if (now.getTime() >= inv.expiresAt.getTime()) {
      await refuse("expired");
      return { ok: false, reason: "expired" };
    }
    if (s.user.email !== inv.email || !s.user.activatedAt) {
      await refuse("wrong_email");
      return { ok: false, reason: "wrong_email", invitedEmail: inv.email };
    }
    if (await getMembership(tx, who.userId, inv.providerId)) {
      await refuse("already_member");
      return { ok: false, reason: "already_member" };
    }
    const [provider] = await tx.select().from(providers).where(eq(providers.id, inv.providerId));
    if (!provider) return { ok: false, reason: "not_found" };

    const source = inv.accessRequestId ? "access_request" : "invitation";
    const permissions = inv.role === "admin" ? [] : inv.permissions;
    await tx
      .insert(providerMemberships)
      .values({ providerId: inv.providerId, userId: who.userId, role: inv.role, permissions, status: "active", source, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [providerMemberships.providerId, providerMemberships.userId],
        set: { role: inv.role, permissions, status: "active", source, updatedAt: now },
      });
    await tx.insert(agreementAcceptances).values({ userId: who.userId, providerId: inv.providerId, agreementVersion: agreement.version, ip: ctx.ip, acceptedAt: now });
    await tx.update(invitations).set({ status: "accepted", acceptedAt: now, acceptedByUserId: who.userId }).where(eq(invitations.id, inv.id));
    await tx.update(sessions).set({ activeProviderId: inv.providerId }).where(and(eq(sessions.id, who.sessionId), eq(sessions.userId, who.userId)));
    await notify(tx, svc, { kind: "invitation.accepted", providerId: inv.providerId, subjectUserId: who.userId });
    await recordAudit(tx, ctx, { action: "provider.agreement.accepted", actorUserId: who.userId, providerId: inv.providerId, details: { agreementVersion: agreement.version } }, now);
    await recordAudit(
      tx,
      ctx,
      {
        action: "invitation.accepted",
        actorUserId: who.userId,
        subjectUserId: who.userId,
        providerId: inv.providerId,
        details: { invitationId: inv.id, role: inv.role, permissions, source, invitedByUserId: inv.invitedByUserId },
      },
      now,
    );
    return { ok: true, providerId: inv.providerId, providerName: providerDisplayName(provider), role: inv.role };
  });
}

/** Is there a pending, unexpired invitation behind this token for this email? (Used to resume after sign-in and MFA.) */
export async function hasPendingInvitationFor(svc: Services, token: unknown, email: string): Promise<boolean> {
  const p = await previewInvitation(svc, token);
  return p.status === "pending" && p.email === email;
}
