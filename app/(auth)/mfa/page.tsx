import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChallengeForm, type FactorChoice } from "@/components/mfa/challenge-form";
import { FormCard } from "@/components/ui/card";
import { appServices } from "@/lib/app-services";
import { confirmedFactors, FACTOR_LABELS } from "@/lib/mfa/factors";
import { maskPhone } from "@/lib/mfa/phone";
import { checkPage } from "@/lib/next/page-guard";
import { refusalRedirect } from "@/lib/next/refusals";

export const metadata = { title: "Verify it's you" };

/** The second step of every sign-in; people with no factor yet go to setup first. `?method=recovery`: with a recovery code. */
export default async function MfaChallengePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const decision = await checkPage("mfaPending");
  if (!decision.ok) {
    // Already verified: nothing to challenge.
    if (decision.refusal === "forbidden") redirect("/home");
    refusalRedirect(decision.refusal);
  }
  const { user } = decision.context;
  const factors = await confirmedFactors((await appServices()).db, user.id);
  const choices: FactorChoice[] = factors.map((f) => ({
    id: f.id,
    type: f.type,
    label: FACTOR_LABELS[f.type],
    detail: f.type === "sms" ? maskPhone(f.phone!) : f.type === "email" ? user.email.replace(/^(.).*(@.*)$/, "$1•••$2") : "",
  }));
  return (
    <FormCard title="Verify it's you" intro="Enter a code from one of your verification methods to finish signing in.">
      <ChallengeForm factors={choices} recovery={(await searchParams).method === "recovery"} />
      <div className="mt-6 border-t border-slate-200 pt-4">
        <SignOutButton />
      </div>
    </FormCard>
  );
}
