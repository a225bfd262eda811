"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { editRoleAction, makeAdminAction, restoreUserAction, revokeUserAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { permissionLabel, roleLabel, type Permission, type Role } from "@/lib/access/permissions";
import { editMembershipSchema, type EditMembershipInput } from "@/lib/users/schemas";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { grantSummary, MANAGE_FAILURES } from "./messages";
import { firstPermissionSelector, RolePermissionsFields } from "./role-permissions-fields";
import { RowAction } from "./row-action";
import { useAnnounce } from "./status";
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

/** The Users tab: Email, Name, Role, Permissions, Status, Actions. */
export function UsersTable({ rows }: { rows: UserRow[] }) {
  const [editing, setEditing] = useState<UserRow | null>(null);
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
                <Button variant="secondary" aria-label={`Edit Role and Permissions for ${r.email}`} onClick={() => setEditing(r)}>
                  Edit Role and Permissions
                </Button>
                {r.status === "active" && r.role !== "admin" ? (
                  <RowAction
                    action={() => makeAdminAction({ membershipId: r.membershipId })}
                    label="Make Admin"
                    accessibleName={`Make Admin: ${r.email}`}
                    confirm={{
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
                    action={() => revokeUserAction({ membershipId: r.membershipId })}
                    label="Revoke User"
                    variant="danger"
                    accessibleName={`Revoke User: ${r.email}`}
                    confirm={{
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
                    action={() => restoreUserAction({ membershipId: r.membershipId })}
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
      {editing ? <EditDialog row={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function EditDialog({ row, onClose }: { row: UserRow; onClose: () => void }) {
  const router = useRouter();
  const announce = useAnnounce();
  const [formError, setFormError] = useState<string | null>(null);
  // The boxes start as what they hold as a User: for an administrator, what demotion gives back (never all 11).
  const { register, handleSubmit, formState, setError, watch } = useForm<EditMembershipInput>({
    resolver: zodResolver(editMembershipSchema),
    defaultValues: { membershipId: row.membershipId, role: row.role, permissions: row.userPermissions },
  });
  const role = watch("role") ?? row.role;
  const chosen = watch("permissions");
  const permissions = role === "admin" ? [] : Array.isArray(chosen) ? (chosen as Permission[]) : [];
  const errors = messagesOf(formState.errors);
  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callAction(() => editRoleAction({ membershipId: row.membershipId, role: v.role, permissions }));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) {
      onClose();
      announce(`Saved. ${row.name} (${row.email}) is now ${grantSummary(v.role, permissions)}.`);
      router.refresh();
      return;
    }
    if (r.reason === "invalid") return applyServerErrors(setError, r.fieldErrors);
    setFormError(MANAGE_FAILURES[r.reason] ?? UNEXPECTED_ERROR);
  });
  const demoting = row.role === "admin" && role === "user";
  return (
    <Dialog
      title={`Edit Role and Permissions: ${row.name}`}
      onClose={onClose}
      // A User's dialog opens on their first permission, not on the Administrator radio an arrow key away.
      initialFocus={row.role === "user" ? firstPermissionSelector("edit") : "#edit-role-admin"}
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={{ role: "Role", permissions: "Permissions", membershipId: "User" }} formError={formError} submitCount={formState.submitCount} />
        <p className="mb-3 text-sm text-slate-700">{row.email}</p>
        <RolePermissionsFields
          register={register}
          role={role}
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
          <span className="font-semibold">Save will make them:</span> {grantSummary(role === "admin" ? "admin" : "user", permissions)}
        </p>
        <DialogFormButtons label="Save" busyLabel="Saving…" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
