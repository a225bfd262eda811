import { notFound } from "next/navigation";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { appServices } from "@/lib/app-services";
import { requireProviderAdmin } from "@/lib/next/admin-context";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { ACTIVITY_LIMIT, listActivity } from "@/lib/users/activity";
import { TableScroller } from "@/components/ui/table-scroller";

export const metadata = { title: "Activity - Manage Users" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function ActivityPage() {
  const { user, provider } = await requireProviderAdmin();
  const [list, accounts] = await Promise.all([listActivity(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list.ok) notFound();
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="activity">
      {list.events.length ? (
        <TableScroller label="Activity">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-semibold text-slate-800">The {ACTIVITY_LIMIT} most recent events, newest first (times in UTC)</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-2 pr-4">When</th>
                <th scope="col" className="py-2 pr-4">Who</th>
                <th scope="col" className="py-2 pr-4">What</th>
                <th scope="col" className="py-2">To whom</th>
              </tr>
            </thead>
            <tbody>
              {list.events.map((e) => (
                <tr key={e.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <time dateTime={e.at.toISOString()}>{when.format(e.at)}</time>
                  </td>
                  <td className="py-2 pr-4 [overflow-wrap:anywhere]">{e.actor ?? "System"}</td>
                  <td className="py-2 pr-4">{e.summary}</td>
                  <td className="py-2 [overflow-wrap:anywhere]">{e.subject ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : (
        <p className="text-slate-700">Nothing has happened for this provider yet.</p>
      )}
    </UsersPageFrame>
  );
}
