"use server";

import { appServices } from "@/lib/app-services";
import { currentRequestContext } from "@/lib/next/request";
import { requireProviderContext } from "@/lib/next/provider-context";
import { cancelInvitation, inviteUsers, resendInvitation, type InviteResult } from "@/lib/users/invite";
import { approveRequest, denyRequest, type DecideResult } from "@/lib/requests/decide";
import { editRoleAndPermissions, makeAdmin, restoreUser, revokeUser, type ManageResult } from "@/lib/users/manage";

/**
 * Manage Users actions. The provider is always the session's active provider, never the form's;
 * lib/users checks that the actor administers it and that the target belongs to it.
 */

type ButtonResult = { ok: boolean; error?: string };
const forButton = (r: { ok: true } | { ok: false; reason: string }): ButtonResult => (r.ok ? { ok: true } : { ok: false, error: r.reason });

async function context() {
  const { user, provider } = await requireProviderContext();
  return { svc: await appServices(), actorId: user.id, providerId: provider.id, ctx: await currentRequestContext() };
}

export async function editRoleAction(input: unknown): Promise<ManageResult> {
  const c = await context();
  return editRoleAndPermissions(c.svc, c.actorId, c.providerId, input, c.ctx);
}

export async function makeAdminAction(membershipId: string): Promise<ButtonResult> {
  const c = await context();
  return forButton(await makeAdmin(c.svc, c.actorId, c.providerId, { membershipId }, c.ctx));
}

export async function revokeUserAction(membershipId: string): Promise<ButtonResult> {
  const c = await context();
  return forButton(await revokeUser(c.svc, c.actorId, c.providerId, { membershipId }, c.ctx));
}

export async function restoreUserAction(membershipId: string): Promise<ButtonResult> {
  const c = await context();
  return forButton(await restoreUser(c.svc, c.actorId, c.providerId, { membershipId }, c.ctx));
}

export async function inviteUsersAction(input: unknown): Promise<InviteResult> {
  const c = await context();
  return inviteUsers(c.svc, c.actorId, c.providerId, input, c.ctx);
}

export async function resendInvitationAction(invitationId: string): Promise<ButtonResult> {
  const c = await context();
  return forButton(await resendInvitation(c.svc, c.actorId, c.providerId, { invitationId }, c.ctx));
}

export async function cancelInvitationAction(invitationId: string): Promise<ButtonResult> {
  const c = await context();
  return forButton(await cancelInvitation(c.svc, c.actorId, c.providerId, { invitationId }, c.ctx));
}

export async function approveRequestAction(requestId: string, input: unknown): Promise<DecideResult> {
  const c = await context();
  return approveRequest(c.svc, c.actorId, c.providerId, requestId, input, c.ctx);
}

export async function denyRequestAction(requestId: string, input: unknown): Promise<DecideResult> {
  const c = await context();
  return denyRequest(c.svc, c.actorId, c.providerId, requestId, input, c.ctx);
}
