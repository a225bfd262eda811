import { AssociateForm } from "@/components/providers/associate-form";
import { AssociationHelp } from "@/components/providers/association-help";
import { PortalShell } from "@/components/providers/portal-shell";
import { resumePendingInvitation } from "@/lib/next/invitation-cookie";
import { getProviderContext, linkedAccountsFor } from "@/lib/next/provider-context";

export const metadata = { title: "Associate Your Account" };

/** First sign-in without a provider: reachable with or without links (a person may associate another provider here too). */
export default async function AssociatePage() {
  const { user, active } = await getProviderContext();
  if (!active) await resumePendingInvitation(user.email);
  const accounts = await linkedAccountsFor(user.id, active?.provider.id ?? null);
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="associate">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-800">
          Welcome, {user.firstName} {user.lastName}
        </h1>
        <p className="mt-1 text-slate-700">To use the Provider Portal, associate your account with a Provider ID.</p>
        <h2 className="mt-6 text-xl font-semibold text-brand-800">Step 1 of 2 - Provider Eligibility</h2>
        <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_18rem]">
          <AssociateForm flow="associate" />
          <AssociationHelp />
        </div>
      </div>
    </PortalShell>
  );
}
