import { cancelInvitationAction, resendInvitationAction } from "@/app/(portal)/users/actions";
import { permissionLabel, roleLabel } from "@/lib/access/permissions";
import type { InvitationRow, InvitationState } from "@/lib/users/invite";
import { MANAGE_FAILURES } from "./messages";
import type { AskedConfirmation } from "./asked-confirmation";
import { RowAction } from "./row-action";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

const STATE: Record<InvitationState, { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-amber-100 text-amber-900" },
  accepted: { label: "Accepted", className: "bg-green-100 text-green-900" },
  expired: { label: "Expired", className: "bg-slate-200 text-slate-900" },
  cancelled: { label: "Cancelled", className: "bg-red-100 text-red-900" },
};

const PAGE = "/users/invitations";

/**
 * The Invitations tab: every invitation of the provider, newest first, with Resend and Cancel
 * while not accepted or cancelled. `asked`: the confirmation the address asks for (without JavaScript).
 */
export function InvitationsTable({ rows, timeZone, asked }: { rows: InvitationRow[]; timeZone: string; asked: AskedConfirmation }) {
  const at = (d: Date) => <DateTime value={d} timeZone={timeZone} />;
  if (!rows.length) return <p className="text-slate-700">No invitations yet. Choose Invite New User to send one.</p>;
  return (
    <DataTable caption="Invitations" columns={["Email", "Name", "Role and Permissions", "Status", "Sent", "Actions"]}>
      {rows.map((r) => (
        <Row key={r.id}>
          <RowHeader label="Email">{r.email}</RowHeader>
          <Cell label="Name">{r.name}</Cell>
          <Cell label="Role and Permissions">
            {roleLabel(r.role)}
            {r.role === "user" ? `: ${r.permissions.length ? r.permissions.map((p) => permissionLabel(p)).join(", ") : "no permissions"}` : ""}
          </Cell>
          <Cell label="Status">
            <span className={`rounded px-2 py-0.5 font-semibold ${STATE[r.state].className}`}>{STATE[r.state].label}</span>
            {r.fromAccessRequest ? <span className="block text-xs text-slate-600">From an access request</span> : null}
          </Cell>
          <Cell label="Sent">
            {at(r.createdAt)}
            {r.invitedBy ? <span className="block text-xs text-slate-600">by {r.invitedBy}</span> : null}
            <span className="block text-xs text-slate-600">
              {r.state === "accepted" && r.acceptedAt ? (
                <>accepted {at(r.acceptedAt)}</>
              ) : r.state === "cancelled" && r.cancelledAt ? (
                <>cancelled {at(r.cancelledAt)}</>
              ) : r.state === "expired" ? (
                <>expired {at(r.expiresAt)}</>
              ) : (
                <>expires {at(r.expiresAt)}</>
              )}
            </span>
          </Cell>
          <Cell label="Actions">
            {r.state === "pending" || r.state === "expired" ? (
              <div className="flex flex-wrap gap-2">
                <RowAction
                  action={resendInvitationAction}
                  idField="invitationId"
                  id={r.id}
                  page={PAGE}
                  label="Resend"
                  accessibleName={`Resend invitation to ${r.email}`}
                  success={`Invitation resent to ${r.email}. The link in the earlier email no longer works.`}
                  failures={MANAGE_FAILURES}
                />
                <RowAction
                  action={cancelInvitationAction}
                  idField="invitationId"
                  id={r.id}
                  page={PAGE}
                  asked={asked}
                  label="Cancel"
                  variant="danger"
                  accessibleName={`Cancel invitation to ${r.email}`}
                  confirm={{
                    key: "cancel",
                    title: `Cancel the invitation to ${r.email}?`,
                    body: <p>The emailed link stops working. You can invite them again later.</p>,
                    confirmLabel: "Cancel invitation",
                    busyLabel: "Cancelling…",
                    dismissLabel: "Keep invitation",
                  }}
                  success={`The invitation to ${r.email} was cancelled; its link no longer works.`}
                  failures={MANAGE_FAILURES}
                />
              </div>
            ) : null}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
