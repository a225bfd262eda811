import { roleLabel } from "@/lib/access/permissions";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

/** Every provider the person is linked to: name, NPI, Provider ID, role, date linked, which is active. */
export function LinkedAccountsTable({ accounts, caption, timeZone }: { accounts: LinkedAccount[]; caption: string; timeZone: string }) {
  return (
    <DataTable caption={caption} columns={["Provider", "NPI", "Provider ID", "Role", "Date linked", "Status"]}>
      {accounts.map((a) => (
        <Row key={a.id}>
          <RowHeader label="Provider">{a.name}</RowHeader>
          <Cell label="NPI">{a.npi}</Cell>
          <Cell label="Provider ID">{a.providerNumber}</Cell>
          <Cell label="Role">{roleLabel(a.role)}</Cell>
          <Cell label="Date linked">
            <DateTime value={a.linkedAt} timeZone={timeZone} dateOnly />
          </Cell>
          <Cell label="Status">{a.active ? <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Active</span> : "Linked"}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
