import { roleLabel } from "@/lib/access/permissions";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";
import { DataTable } from "@/components/ui/data-table";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Every provider the person is linked to: name, NPI, Provider ID, role, date linked, which is active. */
export function LinkedAccountsTable({ accounts, caption }: { accounts: LinkedAccount[]; caption: string }) {
  return (
    <DataTable caption={caption} columns={["Provider", "NPI", "Provider ID", "Role", "Date linked", "Status"]}>
      {accounts.map((a) => (
        <tr key={a.id} className="border-b border-slate-200">
          <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
            {a.name}
          </th>
          <td className="py-2 pr-4">{a.npi}</td>
          <td className="py-2 pr-4">{a.providerNumber}</td>
          <td className="py-2 pr-4">{roleLabel(a.role)}</td>
          <td className="py-2 pr-4">{dateFormat.format(a.linkedAt)}</td>
          <td className="py-2">{a.active ? <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Active</span> : "Linked"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
