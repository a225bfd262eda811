import { notFound } from "next/navigation";
import { RequestsHistory, PendingRequests } from "@/components/users/requests-table";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { appServices } from "@/lib/app-services";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { listRequestsForProvider } from "@/lib/requests/decide";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Access Requests - Manage Users" };

export default async function AccessRequestsPage() {
  const { user, provider } = await requirePage("providerAdmin");
  const [list, accounts] = await Promise.all([listRequestsForProvider(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list) notFound();
  const { timeZone } = siteConfig();
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="requests">
      <section aria-labelledby="pending-heading" className="mb-8">
        <h2 id="pending-heading" className="mb-1 text-lg font-semibold text-brand-800">
          Pending requests ({list.pending.length})
        </h2>
        <p className="mb-3 text-sm text-slate-700">Approve or deny each request within 5 days of when it was submitted; after that it is denied automatically.</p>
        <PendingRequests rows={list.pending} timeZone={timeZone} />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold text-brand-800">
          History
        </h2>
        <RequestsHistory rows={list.history} timeZone={timeZone} />
      </section>
    </UsersPageFrame>
  );
}
