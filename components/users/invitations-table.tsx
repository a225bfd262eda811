import { cancelInvitationAction, resendInvitationAction } from "@/app/(portal)/users/actions";
import { ActionButton } from "@/components/settings/action-button";
import { permissionLabel, roleLabel } from "@/lib/access/permissions";
import type { InvitationRow, InvitationState } from "@/lib/users/invite";
import { MANAGE_FAILURES } from "./messages";
import { DataTable } from "@/components/ui/data-table";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const STATE: Record<InvitationState, { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-amber-100 text-amber-900" },
  accepted: { label: "Accepted", className: "bg-green-100 text-green-900" },
  expired: { label: "Expired", className: "bg-slate-200 text-slate-900" },
  cancelled: { label: "Cancelled", className: "bg-red-100 text-red-900" },
};

/** The Invitations tab: every invitation of the provider, newest first, with Resend and Cancel while not accepted or cancelled. */
export function InvitationsTable({ rows }: { rows: InvitationRow[] }) {
  if (!rows.length) return <p className="text-slate-700">No invitations yet. Choose Invite New User to send one.</p>;
  return (
    <DataTable caption="Invitations (times in UTC)" columns={["Email", "Name", "Role and Permissions", "Status", "Sent", "Actions"]}>
      {rows.map((r) => (
        <tr key={r.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
            {r.email}
          </th>
          <td className="py-2 pr-4">{r.name}</td>
          <td className="py-2 pr-4">
            {roleLabel(r.role)}
            {r.role === "user" ? `: ${r.permissions.length ? r.permissions.map((p) => permissionLabel(p)).join(", ") : "no permissions"}` : ""}
          </td>
          <td className="py-2 pr-4">
            <span className={`rounded px-2 py-0.5 font-semibold ${STATE[r.state].className}`}>{STATE[r.state].label}</span>
            {r.fromAccessRequest ? <span className="block text-xs text-slate-600">From an access request</span> : null}
          </td>
          <td className="py-2 pr-4">
            {when.format(r.createdAt)}
            {r.invitedBy ? <span className="block text-xs text-slate-600">by {r.invitedBy}</span> : null}
            <span className="block text-xs text-slate-600">
              {r.state === "accepted" && r.acceptedAt
                ? `accepted ${when.format(r.acceptedAt)}`
                : r.state === "cancelled" && r.cancelledAt
                  ? `cancelled ${when.format(r.cancelledAt)}`
                  : r.state === "expired"
                    ? `expired ${when.format(r.expiresAt)}`
                    : `expires ${when.format(r.expiresAt)}`}
            </span>
          </td>
          <td className="py-2">
            {r.state === "pending" || r.state === "expired" ? (
              <div className="flex flex-wrap gap-2">
                <ActionButton
                  action={resendInvitationAction.bind(null, r.id)}
                  label="Resend"
                  accessibleName={`Resend invitation to ${r.email}`}
                  failures={MANAGE_FAILURES}
                />
                <ActionButton
                  action={cancelInvitationAction.bind(null, r.id)}
                  label="Cancel"
                  variant="danger"
                  accessibleName={`Cancel invitation to ${r.email}`}
                  confirm={`Cancel the invitation to ${r.email}? The emailed link stops working.`}
                  failures={MANAGE_FAILURES}
                />
              </div>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
