"use server";

import { appServices } from "@/lib/app-services";
import { acceptInvitation, type AcceptInvitationResult } from "@/lib/invitations/accept";
import { forgetInvitation } from "@/lib/next/invitation-cookie";
import { currentRequestContext } from "@/lib/next/request";
import { requireSession } from "@/lib/next/session";

/** Accepts the Provider Agreement for an invitation; lib checks the token, the email and the session's MFA. */
export async function acceptInvitationAction(token: string, input: unknown): Promise<AcceptInvitationResult> {
  const { user, session } = await requireSession();
  const result = await acceptInvitation(await appServices(), { userId: user.id, sessionId: session.id }, token, input, await currentRequestContext());
  if (result.ok || result.reason === "used" || result.reason === "already_member") await forgetInvitation();
  return result;
}
