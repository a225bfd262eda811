import { roleLabel } from "@/lib/access/permissions";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";
import { TableScroller } from "@/components/ui/table-scroller";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Every provider the person is linked to: name, NPI, Provider ID, role, date linked, which is active. */
export function LinkedAccountsTable({ accounts, caption }: { accounts: LinkedAccount[]; caption: string }) {
  return (
    <TableScroller label="Linked accounts">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-2 pr-4">Provider</th>
            <th scope="col" className="py-2 pr-4">NPI</th>
            <th scope="col" className="py-2 pr-4">Provider ID</th>
            <th scope="col" className="py-2 pr-4">Role</th>
            <th scope="col" className="py-2 pr-4">Date linked</th>
            <th scope="col" className="py-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">{a.name}</th>
              <td className="py-2 pr-4">{a.npi}</td>
              <td className="py-2 pr-4">{a.providerNumber}</td>
              <td className="py-2 pr-4">{roleLabel(a.role)}</td>
              <td className="py-2 pr-4">{dateFormat.format(a.linkedAt)}</td>
              <td className="py-2">{a.active ? <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Active</span> : "Linked"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
