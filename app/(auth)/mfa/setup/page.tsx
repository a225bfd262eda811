import { SignOutButton } from "@/components/auth/sign-out-button";
import { SetupWizard } from "@/components/mfa/setup-wizard";
import { FormCard } from "@/components/ui/card";
import { appServices } from "@/lib/app-services";
import { confirmedFactors } from "@/lib/mfa/factors";
import { requireSession } from "@/lib/next/session";
import { redirect } from "next/navigation";

export const metadata = { title: "Set Up Multifactor Authentication" };

/**
 * First sign-in: every account needs a second factor before anything else. Also where a signed-in
 * person adds another factor from their security settings.
 */
export default async function MfaSetupPage() {
  const { user, session } = await requireSession({ mfa: "pending" });
  const existing = await confirmedFactors((await appServices()).db, user.id);
  // Someone with a factor must pass the challenge first; adding more is for verified sessions.
  if (existing.length > 0 && !session.mfaVerifiedAt) redirect("/mfa");
  const adding = existing.length > 0;
  return (
    <FormCard
      title="Set Up Multifactor Authentication"
      width="max-w-2xl"
      intro={
        adding
          ? "Add another way to verify it's you when you sign in."
          : "Select which multifactor authentication method you would like to use when signing in. You need one before you can use the portal."
      }
    >
      <SetupWizard email={user.email} doneHref={adding ? "/settings/security" : "/home"} />
      {!adding ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <SignOutButton />
        </div>
      ) : null}
    </FormCard>
  );
}
