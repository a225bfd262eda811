import QRCode from "qrcode";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SetupWizard, type PendingSetup } from "@/components/mfa/setup-wizard";
import { ReverifyForm } from "@/components/settings/reverify-form";
import { FormCard } from "@/components/ui/card";
import { appServices } from "@/lib/app-services";
import { env } from "@/lib/env";
import { pendingEnrollment } from "@/lib/mfa/factors";
import { checkPage } from "@/lib/next/page-guard";
import { refusalRedirect } from "@/lib/next/refusals";

export const metadata = { title: "Set Up Multifactor Authentication" };

/**
 * First sign-in: every account needs a second factor before anything else. Also where a signed-in
 * person adds another factor from their security settings, after re-entering the password when
 * it was entered more than 10 minutes ago (the same rule as the enrollment actions).
 * `?factor=ID`: a setup in progress (step 2), its key or code shown again on every render, so the
 * steps work as plain forms.
 */
export default async function MfaSetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const decision = await checkPage("mfaEnrollment");
  if (!decision.ok && decision.refusal === "reverify") {
    return (
      <FormCard title="Confirm it's you" intro="Enter your password to add a verification method.">
        <ReverifyForm />
      </FormCard>
    );
  }
  if (!decision.ok) refusalRedirect(decision.refusal);
  const { user, session } = decision.context;
  const adding = !!session.mfaVerifiedAt;
  const { factor } = await searchParams;
  const factorParam = typeof factor === "string" ? factor : undefined;
  const found = factorParam ? await pendingEnrollment(await appServices(), user, factorParam, env().PORTAL_NAME) : null;
  const pending: PendingSetup | null = !found
    ? null
    : found.type === "totp"
      ? { factorId: found.factorId, type: "totp", secret: found.secret, qr: await QRCode.toDataURL(found.uri, { margin: 1, width: 200 }) }
      : { factorId: found.factorId, type: found.type };
  return (
    <FormCard title="Set Up Multifactor Authentication" width="max-w-2xl">
      {/* Keyed by the URL's factor, so a new setup starts with no old answers, and a page rendered after a post finds its own. */}
      <SetupWizard key={factorParam ?? "start"} email={user.email} pending={pending} adding={adding} staleSetup={!!factorParam && !pending} />
      {!adding ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <SignOutButton />
        </div>
      ) : null}
    </FormCard>
  );
}
