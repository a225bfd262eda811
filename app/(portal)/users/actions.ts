"use server";

import { z } from "zod";
import { defineAction } from "@/lib/next/action";
import { approveRequest, denyRequest } from "@/lib/requests/decide";
import { cancelInvitation, checkInviteRow, inviteUsers, resendInvitation } from "@/lib/users/invite";
import { editRoleAndPermissions, makeAdmin, restoreUser, revokeUser } from "@/lib/users/manage";
import { invitationIdSchema, membershipIdSchema } from "@/lib/users/schemas";

/**
 * Manage Users actions: guard providerAdmin, so only an administrator of the session's active
 * provider gets here. The provider is always the session's, never the form's; lib/users checks
 * again that the actor administers it and that the target row belongs to it.
 */

type ButtonResult = { ok: boolean; error?: string };
const forButton = (r: { ok: true } | { ok: false; reason: string }): ButtonResult => (r.ok ? { ok: true } : { ok: false, error: r.reason });

/** A decision comes as `{ requestId, decision }` from code, or flat from the dialog's form (role, permissions; reason). */
const requestDecision = z.object({ requestId: z.string().max(64), decision: z.unknown().optional(), role: z.unknown().optional(), permissions: z.unknown().optional(), reason: z.unknown().optional() });

export const editRoleAction = defineAction({ name: "users.edit_role", guard: "providerAdmin" }, async (input, { svc, user, provider, request }) =>
  editRoleAndPermissions(svc, user.id, provider.id, input, request),
);

export const makeAdminAction = defineAction({ name: "users.make_admin", guard: "providerAdmin", schema: membershipIdSchema }, async (input, { svc, user, provider, request }) =>
  forButton(await makeAdmin(svc, user.id, provider.id, input, request)),
);

export const revokeUserAction = defineAction({ name: "users.revoke", guard: "providerAdmin", schema: membershipIdSchema }, async (input, { svc, user, provider, request }) =>
  forButton(await revokeUser(svc, user.id, provider.id, input, request)),
);

export const restoreUserAction = defineAction({ name: "users.restore", guard: "providerAdmin", schema: membershipIdSchema }, async (input, { svc, user, provider, request }) =>
  forButton(await restoreUser(svc, user.id, provider.id, input, request)),
);

/** The dialog's list as `{ rows }`; without JavaScript, one person posted flat (email, zip, names, role, permissions). */
export const inviteUsersAction = defineAction(
  { name: "users.invite", guard: "providerAdmin", echo: ["email", "zip", "firstName", "lastName", "role"] },
  async (input, { svc, user, provider, request }) => inviteUsers(svc, user.id, provider.id, asInviteBatch(input), request),
);

function asInviteBatch(input: unknown): unknown {
  if (typeof input !== "object" || input === null || "rows" in input) return input;
  const { email, zip, firstName, lastName, role, permissions } = input as Record<string, unknown>;
  return { rows: [{ email, zip, firstName, lastName, role, permissions }] };
}

/** Add to List: one person checked against this provider (its ZIPs, its users, its pending invitations) before joining the list. */
export const checkInviteRowAction = defineAction({ name: "users.check_invite_row", guard: "providerAdmin" }, async (input, { svc, user, provider }) =>
  checkInviteRow(svc, user.id, provider.id, input),
);

export const resendInvitationAction = defineAction({ name: "users.resend_invitation", guard: "providerAdmin", schema: invitationIdSchema }, async (input, { svc, user, provider, request }) =>
  forButton(await resendInvitation(svc, user.id, provider.id, input, request)),
);

export const cancelInvitationAction = defineAction({ name: "users.cancel_invitation", guard: "providerAdmin", schema: invitationIdSchema }, async (input, { svc, user, provider, request }) =>
  forButton(await cancelInvitation(svc, user.id, provider.id, input, request)),
);

export const approveRequestAction = defineAction({ name: "requests.approve", guard: "providerAdmin", schema: requestDecision }, async (input, { svc, user, provider, request }) =>
  approveRequest(svc, user.id, provider.id, input.requestId, input.decision ?? { role: input.role, permissions: input.permissions }, request),
);

export const denyRequestAction = defineAction({ name: "requests.deny", guard: "providerAdmin", schema: requestDecision, echo: ["reason"] }, async (input, { svc, user, provider, request }) =>
  denyRequest(svc, user.id, provider.id, input.requestId, input.decision ?? { reason: input.reason }, request),
);
