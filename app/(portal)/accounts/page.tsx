import { AccountTabs } from "@/components/providers/account-tabs";
import { LinkedAccountsTable } from "@/components/providers/linked-accounts-table";
import { PortalShell } from "@/components/providers/portal-shell";
import { Alert } from "@/components/ui/alert";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Manage Linked Accounts" };

export default async function LinkedAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, provider, membership } = await requirePage("providerMember");
  const accounts = await linkedAccountsFor(user.id, provider.id);
  const params = await searchParams;
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="accounts">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-2xl font-bold text-brand-800">Manage Linked Accounts</h1>
        <AccountTabs current="accounts" />
        <div className="mt-4">
          {params.linked === "1" ? <Alert tone="success">The account is linked and is now your active provider.</Alert> : null}
          {params.switch === "refused" ? <Alert tone="error">That provider is not linked to your account, so it was not made active.</Alert> : null}
          <LinkedAccountsTable accounts={accounts} caption={`Your linked accounts (${accounts.length})`} timeZone={siteConfig().timeZone} />
          <p className="mt-4 text-sm text-slate-700">Switch the active provider with the account ribbon at the top of the page.</p>
        </div>
      </div>
    </PortalShell>
  );
}
