import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChallengeForm, type FactorChoice } from "@/components/mfa/challenge-form";
import { FormCard } from "@/components/ui/card";
import { appServices } from "@/lib/app-services";
import { confirmedFactors, FACTOR_LABELS } from "@/lib/mfa/factors";
import { maskPhone } from "@/lib/mfa/phone";
import { requireSession } from "@/lib/next/session";

export const metadata = { title: "Verify it's you" };

/** The second step of every sign-in; people with no factor yet go to setup first. */
export default async function MfaChallengePage() {
  const { user, session } = await requireSession({ mfa: "pending" });
  if (session.mfaVerifiedAt) redirect("/home");
  const factors = await confirmedFactors((await appServices()).db, user.id);
  if (factors.length === 0) redirect("/mfa/setup");
  const choices: FactorChoice[] = factors.map((f) => ({
    id: f.id,
    type: f.type,
    label: FACTOR_LABELS[f.type],
    detail: f.type === "sms" ? maskPhone(f.phone!) : f.type === "email" ? user.email.replace(/^(.).*(@.*)$/, "$1•••$2") : "",
  }));
  return (
    <FormCard title="Verify it's you" intro="Enter a code from one of your verification methods to finish signing in.">
      <ChallengeForm factors={choices} next="/home" />
      <div className="mt-6 border-t border-slate-200 pt-4">
        <SignOutButton />
      </div>
    </FormCard>
  );
}
