import { notFound } from "next/navigation";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { appServices } from "@/lib/app-services";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { ACTIVITY_LIMIT, listActivity } from "@/lib/users/activity";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Activity - Manage Users" };

export default async function ActivityPage() {
  const { user, provider } = await requirePage("providerAdmin");
  const [list, accounts] = await Promise.all([listActivity(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list.ok) notFound();
  const { timeZone } = siteConfig();
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="activity">
      {list.events.length ? (
        <DataTable caption={`The ${ACTIVITY_LIMIT} most recent events, newest first`} columns={["When", "Who", "What", "To whom"]}>
          {list.events.map((e) => (
            <Row key={e.id}>
              <Cell label="When" className="sm:whitespace-nowrap">
                <DateTime value={e.at} timeZone={timeZone} />
              </Cell>
              <Cell label="Who" className="[overflow-wrap:anywhere]">
                {e.actor ?? "System"}
              </Cell>
              <Cell label="What">{e.summary}</Cell>
              <Cell label="To whom" className="[overflow-wrap:anywhere]">
                {e.subject ?? "—"}
              </Cell>
            </Row>
          ))}
        </DataTable>
      ) : (
        <p className="text-slate-700">Nothing has happened for this provider yet.</p>
      )}
    </UsersPageFrame>
  );
}
