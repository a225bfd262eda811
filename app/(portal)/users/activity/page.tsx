import { notFound } from "next/navigation";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { appServices } from "@/lib/app-services";
import { requireProviderAdmin } from "@/lib/next/admin-context";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { ACTIVITY_LIMIT, listActivity } from "@/lib/users/activity";
import { DataTable } from "@/components/ui/data-table";

export const metadata = { title: "Activity - Manage Users" };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function ActivityPage() {
  const { user, provider } = await requireProviderAdmin();
  const [list, accounts] = await Promise.all([listActivity(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list.ok) notFound();
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="activity">
      {list.events.length ? (
        <DataTable caption={`The ${ACTIVITY_LIMIT} most recent events, newest first (times in UTC)`} columns={["When", "Who", "What", "To whom"]}>
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
        </DataTable>
      ) : (
        <p className="text-slate-700">Nothing has happened for this provider yet.</p>
      )}
    </UsersPageFrame>
  );
}
