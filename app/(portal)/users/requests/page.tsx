import { notFound } from "next/navigation";
import { RequestsHistory, PendingRequests, type Deciding } from "@/components/users/requests-table";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { appServices } from "@/lib/app-services";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { listRequestsForProvider, type RequestView } from "@/lib/requests/decide";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Access Requests - Manage Users" };

type Search = { approve?: string | string[]; deny?: string | string[] };

/** The dialog the URL asks for (`?approve=ID` or `?deny=ID`, from the buttons without JavaScript), if ID is one of this provider's requests. */
function openDialog(search: Search, requests: RequestView[]): Deciding | null {
  for (const decision of ["approve", "deny"] as const) {
    const id = search[decision];
    const request = typeof id === "string" ? requests.find((r) => r.id === id) : undefined;
    if (request) return { decision, request };
  }
  return null;
}

export default async function AccessRequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, provider } = await requirePage("providerAdmin");
  const [list, accounts] = await Promise.all([listRequestsForProvider(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list) notFound();
  // A decided request too: the dialog then says what became of it (its answer, or "already decided").
  const open = openDialog(await searchParams, [...list.pending, ...list.history]);
  const { timeZone } = siteConfig();
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="requests">
      <section aria-labelledby="pending-heading" className="mb-8">
        <h2 id="pending-heading" className="mb-1 text-lg font-semibold text-brand-800">
          Pending requests ({list.pending.length})
        </h2>
        <p className="mb-3 text-sm text-slate-700">Approve or deny each request within 5 days of when it was submitted; after that it is denied automatically.</p>
        <PendingRequests rows={list.pending} timeZone={timeZone} open={open} />
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
