import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { appServices } from "@/lib/app-services";
import { env } from "@/lib/env";
import { INVITATION_TTL_MS } from "@/lib/invitations/create";
import { hasPendingInvitationFor, previewInvitation } from "@/lib/invitations/accept";

/**
 * An invitee who must first create an account (or sign in and pass MFA) leaves the invitation
 * page; this httpOnly cookie carries the emailed token through activation, sign-in and MFA, so
 * the portal brings them back to it instead of to Associate Provider.
 */
export const INVITATION_COOKIE = "pp_invitation";

/** Only in a route handler or server action. */
export async function rememberInvitation(token: string): Promise<void> {
  (await cookies()).set(INVITATION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: INVITATION_TTL_MS / 1000,
  });
}

/** Only in a route handler or server action. */
export async function forgetInvitation(): Promise<void> {
  (await cookies()).delete(INVITATION_COOKIE);
}

/** For the pages a signed-in person lands on: back to the invitation they came for, while it is pending and theirs. */
export async function resumePendingInvitation(email: string): Promise<void> {
  const token = (await cookies()).get(INVITATION_COOKIE)?.value;
  if (token && (await hasPendingInvitationFor(await appServices(), token, email))) {
    redirect(`/invitations/accept?token=${encodeURIComponent(token)}`);
  }
}

/**
 * The email of the pending invitation this browser came from (the cookie), or null. Create Account
 * shows it fixed, and the register action uses it whatever the form sent.
 */
export async function invitedEmail(): Promise<string | null> {
  const token = (await cookies()).get(INVITATION_COOKIE)?.value;
  if (!token) return null;
  const invitation = await previewInvitation(await appServices(), token);
  return invitation.status === "pending" ? invitation.email : null;
}
