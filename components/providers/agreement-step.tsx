import type { Agreement } from "@/lib/providers/agreement";
import type { ProviderSummary } from "@/lib/providers/directory";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";
import { AgreementForm } from "./agreement-form";
import { PortalShell } from "./portal-shell";

/** "Step 2 of 2 - Provider Agreement" for Associate Provider (Next) and Link Account (Finish). */
export function AgreementStep(props: {
  userName: string;
  accounts: LinkedAccount[];
  current: "associate" | "link";
  heading: string;
  pending: { provider: ProviderSummary; agreement: Agreement };
  submitLabel: "Next" | "Finish";
  restartPath: string;
}) {
  const { provider, agreement } = props.pending;
  return (
    <PortalShell userName={props.userName} accounts={props.accounts} current={props.current}>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-800">{props.heading}</h1>
        <h2 className="mt-4 text-xl font-semibold text-brand-800">Step 2 of 2 - Provider Agreement</h2>
        <p className="mt-2 text-slate-700">
          Provider: <strong>{provider.name}</strong>, NPI {provider.npi}, Provider ID {provider.providerNumber}. Read the {agreement.title} and accept it to continue.
        </p>
        <div className="mt-4">
          <AgreementForm
            flow={props.current}
            agreement={agreement}
            submitLabel={props.submitLabel}
            agreementPath={props.current === "link" ? "/accounts/link/agreement" : "/associate/agreement"}
            restartPath={props.restartPath}
          />
        </div>
      </div>
    </PortalShell>
  );
}
