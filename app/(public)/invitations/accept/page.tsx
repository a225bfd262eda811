import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { INVITATION_REFUSALS } from "@/components/invitations/messages";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { FormCard } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { permissionLabel } from "@/lib/access/permissions";
import { appServices } from "@/lib/app-services";
import { previewInvitation } from "@/lib/invitations/accept";
import { INVITATION_COOKIE } from "@/lib/next/invitation-cookie";
import { getCurrentSession } from "@/lib/next/session";
import { currentAgreement } from "@/lib/providers/agreement";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Accept invitation" };

/**
 * The emailed invitation link (from Invite New User or an approved access request). Signed out:
 * Create Account or Sign in, and the portal brings the person back here. Signed in with the invited
 * email: the Provider Agreement, then the portal with that provider active.
 */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? (await cookies()).get(INVITATION_COOKIE)?.value ?? "";
  const svc = await appServices();
  const invitation = await previewInvitation(svc, token);
  if (invitation.status === "invalid") {
    return (
      <FormCard title="Invitation not found">
        <Alert tone="warning">{INVITATION_REFUSALS.not_found}</Alert>
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </FormCard>
    );
  }
  if (invitation.status !== "pending") {
    const reason = invitation.status === "accepted" ? "used" : invitation.status;
    return (
      <FormCard title="This invitation cannot be used">
        <Alert tone="warning">{INVITATION_REFUSALS[reason]}</Alert>
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </FormCard>
    );
  }

  const continueTo = (to: "register" | "login" | "mfa") => `/invitations/continue?token=${encodeURIComponent(token)}&to=${to}`;
  const current = await getCurrentSession();
  if (current && !current.session.mfaVerifiedAt) redirect(continueTo("mfa"));

  const grants =
    invitation.role === "admin"
      ? "Administrator (every permission, and managing the provider's users)"
      : `User: ${invitation.permissions.map((p) => permissionLabel(p)).filter(Boolean).join(", ") || "no permissions yet"}`;
  const summary = (
    <dl className="mb-6 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
      <dt className="font-medium text-slate-700">Provider</dt>
      <dd>
        {invitation.providerName} (Provider ID {invitation.providerNumber})
      </dd>
      <dt className="font-medium text-slate-700">Invited</dt>
      <dd>
        {invitation.firstName} {invitation.lastName}, {invitation.email}
      </dd>
      <dt className="font-medium text-slate-700">Role</dt>
      <dd>{grants}</dd>
      {invitation.invitedBy ? (
        <>
          <dt className="font-medium text-slate-700">Invited by</dt>
          <dd>{invitation.invitedBy}</dd>
        </>
      ) : null}
      <dt className="font-medium text-slate-700">Link expires</dt>
      <dd>
        <DateTime value={invitation.expiresAt} timeZone={siteConfig().timeZone} />
      </dd>
    </dl>
  );

  if (!current) {
    return (
      <FormCard title={`Join ${invitation.providerName}`} width="max-w-xl" intro="You are invited to act for this provider on the Provider Portal.">
        {summary}
        <p className="mb-4 text-slate-800">
          New to the portal? Create an account with <strong>{invitation.email}</strong>, activate it from the email we send, and sign in: you will come back here to accept the
          Provider Agreement. Already have an account with that email? Sign in.
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={continueTo("register")}>Create Account</ButtonLink>
          <ButtonLink href={continueTo("login")} variant="secondary">
            Sign in
          </ButtonLink>
        </div>
      </FormCard>
    );
  }

  if (current.user.email !== invitation.email) {
    return (
      <FormCard title={`Join ${invitation.providerName}`} width="max-w-xl">
        <Alert tone="warning" title="This invitation is for another email address">
          It was sent to {invitation.email}, and you are signed in as {current.user.email}. Sign out, then sign in or create an account with the invited address.
        </Alert>
        <SignOutButton />
      </FormCard>
    );
  }

  const agreement = await currentAgreement(svc.db);
  return (
    <FormCard title={`Join ${invitation.providerName}`} width="max-w-2xl" intro="Read the Provider Agreement and accept it to start using the portal for this provider.">
      {summary}
      <h2 className="mb-2 text-xl font-semibold text-brand-800">Provider Agreement</h2>
      {agreement ? <AcceptInvitationForm token={token} agreement={agreement} /> : <Alert tone="error">The Provider Agreement is not available. Try again later.</Alert>}
    </FormCard>
  );
}
