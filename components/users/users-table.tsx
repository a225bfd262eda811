"use client";

import { editRoleAction, makeAdminAction, restoreUserAction, revokeUserAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { permissionLabel, roleLabel, type Permission, type Role } from "@/lib/access/permissions";
import { Dialog, DialogFormButtons, DialogOpener, useAddressedDialog } from "@/components/ui/dialog";
import type { AskedConfirmation } from "./asked-confirmation";
import { DialogOutcome, useDialogAnswer } from "./dialog-answer";
import { grantSummary, MANAGE_FAILURES } from "./messages";
import { firstPermissionSelector, plainFormFields, RolePermissionsFields, usePickedGrant } from "./role-permissions-fields";
import { RowAction } from "./row-action";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/data-table";

export interface UserRow {
  membershipId: string;
  email: string;
  name: string;
  role: Role;
  /** What they hold now (every permission for an administrator). */
  permissions: Permission[];
  /** What they hold as a User; for an administrator, what demoting them gives back. */
  userPermissions: Permission[];
  status: "active" | "revoked";
  self: boolean;
}

const PAGE = "/users";

/**
 * The Users tab: Email, Name, Role, Permissions, Status, Actions. Every button works without
 * JavaScript: Edit Role and Permissions is a GET form to `?edit=ID` (the page renders the dialog
 * open: `editId`), Make Admin and Revoke User ask through `?confirm=KEY&id=ID` (`asked`).
 */
export function UsersTable({ rows, editId = null, asked = null }: { rows: UserRow[]; editId?: string | null; asked?: AskedConfirmation }) {
  const { open: editing, show: setEditing, close: closeEdit } = useAddressedDialog(rows.find((r) => r.membershipId === editId) ?? null, PAGE);
  return (
    <>
      <DataTable caption="Users of this provider" columns={["Email", "Name", "Role", "Permissions", "Status", "Actions"]}>
        {rows.map((r) => (
          <Row key={r.membershipId}>
            <RowHeader label="Email">{r.email}</RowHeader>
            <Cell label="Name">
              {r.name}
              {r.self ? <span className="ml-1 text-slate-600">(you)</span> : null}
            </Cell>
            <Cell label="Role">{roleLabel(r.role)}</Cell>
            <Cell label="Permissions">
              {r.role === "admin" ? "All" : r.permissions.length ? r.permissions.map((p) => permissionLabel(p)).join(", ") : "None"}
            </Cell>
            <Cell label="Status">
              {r.status === "active" ? (
                <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Active</span>
              ) : (
                <span className="rounded bg-red-100 px-2 py-0.5 font-semibold text-red-900">Revoked</span>
              )}
            </Cell>
            <Cell label="Actions">
              <div className="flex flex-wrap gap-2">
                <DialogOpener page={PAGE} params={{ edit: r.membershipId }} onOpen={() => setEditing(r)} variant="secondary" label={`Edit Role and Permissions for ${r.email}`}>
                  Edit Role and Permissions
                </DialogOpener>
                {r.status === "active" && r.role !== "admin" ? (
                  <RowAction
                    key="make-admin"
                    action={makeAdminAction}
                    idField="membershipId"
                    id={r.membershipId}
                    page={PAGE}
                    asked={asked}
                    label="Make Admin"
                    accessibleName={`Make Admin: ${r.email}`}
                    confirm={{
                      key: "make-admin",
                      title: `Make ${r.name} an administrator?`,
                      body: (
                        <>
                          <p>
                            {r.email} will hold every permission for this provider and can manage its users: approve and deny access requests, invite people, change
                            roles and permissions, and revoke access.
                          </p>
                          <p className="mt-2">If you later make them a User again, they get back the permissions they have now.</p>
                        </>
                      ),
                      confirmLabel: "Make Admin",
                      busyLabel: "Making admin…",
                    }}
                    success={`${r.name} (${r.email}) is now an administrator of this provider.`}
                    failures={MANAGE_FAILURES}
                  />
                ) : null}
                {r.status === "active" ? (
                  <RowAction
                    key="revoke"
                    action={revokeUserAction}
                    idField="membershipId"
                    id={r.membershipId}
                    page={PAGE}
                    asked={asked}
                    label="Revoke User"
                    variant="danger"
                    accessibleName={`Revoke User: ${r.email}`}
                    confirm={{
                      key: "revoke",
                      title: `Revoke ${r.name}'s access?`,
                      body: <p>{r.email} loses access to this provider on their next page. You can restore it later with Restore User.</p>,
                      confirmLabel: "Revoke User",
                      busyLabel: "Revoking…",
                    }}
                    success={`${r.name}'s access was revoked. They lose this provider on their next page.`}
                    failures={MANAGE_FAILURES}
                  />
                ) : (
                  <RowAction
                    key="restore"
                    action={restoreUserAction}
                    idField="membershipId"
                    id={r.membershipId}
                    page={PAGE}
                    label="Restore User"
                    accessibleName={`Restore User: ${r.email}`}
                    success={`${r.name}'s access was restored, as ${grantSummary(r.role, r.permissions)}.`}
                    failures={MANAGE_FAILURES}
                  />
                )}
              </div>
            </Cell>
          </Row>
        ))}
      </DataTable>
      {editing ? <EditDialog row={editing} onClose={closeEdit} /> : null}
    </>
  );
}

const savedText = (row: UserRow, role: Role, permissions: readonly string[]) => `Saved. ${row.name} (${row.email}) is now ${grantSummary(role, role === "admin" ? [] : permissions)}.`;

/**
 * Role and permissions of one user, posted with or without JavaScript. With JavaScript, success
 * closes the dialog and says what was saved in the status region; without, the page comes back
 * with the dialog saying it, from the row as it now is.
 */
function EditDialog({ row, onClose }: { row: UserRow; onClose: () => void }) {
  const hydrated = useHydrated();
  const { state, pending, errors, form } = useFormAction(editRoleAction);
  // The boxes start as what they hold as a User: for an administrator, what demotion gives back (never all 11).
  const [picked, onChange] = usePickedGrant({ role: row.role, permissions: row.userPermissions });
  useDialogAnswer(state, onClose, () => savedText(row, picked.role, picked.permissions));
  const formError = state && !state.ok && state.reason !== "invalid" ? (MANAGE_FAILURES[state.reason] ?? UNEXPECTED_ERROR) : null;
  const permissions = picked.role === "admin" ? [] : picked.permissions;
  const demoting = row.role === "admin" && picked.role === "user";
  return (
    <Dialog
      title={`Edit Role and Permissions: ${row.name}`}
      onClose={onClose}
      closeHref={PAGE}
      // A User's dialog opens on their first permission, not on the Administrator radio an arrow key away.
      initialFocus={row.role === "user" ? firstPermissionSelector("edit") : "#edit-role-admin"}
    >
      {state?.ok && !hydrated ? (
        <DialogOutcome text={savedText(row, row.role, row.permissions)} page={PAGE} />
      ) : (
        <form {...form} onChange={onChange}>
          <input type="hidden" name="membershipId" value={row.membershipId} />
          <ErrorSummary errors={errors} labels={{ role: "Role", permissions: "Permissions", membershipId: "User" }} formError={formError} />
          <p className="mb-3 text-sm text-slate-700">{row.email}</p>
          <RolePermissionsFields
            register={plainFormFields}
            defaults={{ role: row.role, permissions: row.userPermissions }}
            role={picked.role}
            idPrefix="edit"
            error={errors.permissions}
            hint={
              demoting
                ? row.userPermissions.length
                  ? "As a User they get back the permissions they had before they became an administrator. Change them if you need to."
                  : "They had no permissions before they became an administrator. Choose what they may do as a User."
                : undefined
            }
          />
          <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">
            <span className="font-semibold">Save will make them:</span> {grantSummary(picked.role, permissions)}
          </p>
          <DialogFormButtons label="Save" busyLabel="Saving…" busy={pending} onCancel={onClose} cancelHref={PAGE} />
        </form>
      )}
    </Dialog>
  );
}
