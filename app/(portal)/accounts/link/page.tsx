import { AssociateForm } from "@/components/providers/associate-form";
import { AssociationHelp } from "@/components/providers/association-help";
import { PortalShell } from "@/components/providers/portal-shell";
import { AccountTabs } from "@/components/providers/account-tabs";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";

export const metadata = { title: "Link Account" };

export default async function LinkAccountPage() {
  const { user, provider, membership } = await requirePage("providerMember");
  const accounts = await linkedAccountsFor(user.id, provider.id);
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="link">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-800">Link Account</h1>
        <AccountTabs current="link" />
        <p className="mt-4 text-slate-700">Link another Provider ID to your account. The information must match your Welcome Letter.</p>
        <h2 className="mt-4 text-xl font-semibold text-brand-800">Step 1 of 2 - Provider Eligibility</h2>
        <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_18rem]">
          <AssociateForm flow="link" />
          <AssociationHelp />
        </div>
      </div>
    </PortalShell>
  );
}
