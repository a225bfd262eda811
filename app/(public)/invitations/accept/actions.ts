"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptInvitation } from "@/lib/invitations/accept";
import { defineAction } from "@/lib/next/action";
import { forgetInvitation } from "@/lib/next/invitation-cookie";

/**
 * Accepts the Provider Agreement for an invitation (the form's token, `accept` and
 * `agreementVersion`); lib checks the token, the invited email and the agreement. Accepted, the
 * portal opens on the provider.
 */
export const acceptInvitationAction = defineAction(
  { name: "invitations.accept", guard: "signedIn", schema: z.object({ token: z.string().max(200), accept: z.unknown().optional(), agreementVersion: z.unknown().optional() }) },
  async ({ token, accept, agreementVersion }, { svc, user, session, request }) => {
    const result = await acceptInvitation(svc, { userId: user.id, sessionId: session.id }, token, { accept, agreementVersion }, request);
    if (result.ok || result.reason === "used" || result.reason === "already_member") await forgetInvitation();
    if (result.ok) redirect("/home?joined=1");
    return result;
  },
);
