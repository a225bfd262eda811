"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { editRoleAction, makeAdminAction, restoreUserAction, revokeUserAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { ActionButton } from "@/components/settings/action-button";
import { Button } from "@/components/ui/button";
import { permissionLabel, roleLabel, type Permission, type Role } from "@/lib/access/permissions";
import { editMembershipSchema, type EditMembershipInput } from "@/lib/users/schemas";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { MANAGE_FAILURES } from "./messages";
import { RolePermissionsFields } from "./role-permissions-fields";
import { DataTable } from "@/components/ui/data-table";

export interface UserRow {
  membershipId: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
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
          <tr key={r.membershipId} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
              {r.email}
            </th>
            <td className="py-2 pr-4">
              {r.name}
              {r.self ? <span className="ml-1 text-slate-600">(you)</span> : null}
            </td>
            <td className="py-2 pr-4">{roleLabel(r.role)}</td>
            <td className="py-2 pr-4">
              {r.role === "admin" ? "All" : r.permissions.length ? r.permissions.map((p) => permissionLabel(p)).join(", ") : "None"}
            </td>
            <td className="py-2 pr-4">
              {r.status === "active" ? (
                <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Active</span>
              ) : (
                <span className="rounded bg-red-100 px-2 py-0.5 font-semibold text-red-900">Revoked</span>
              )}
            </td>
            <td className="py-2">
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" aria-label={`Edit Role and Permissions for ${r.email}`} onClick={() => setEditing(r)}>
                  Edit Role and Permissions
                </Button>
                {r.status === "active" && r.role !== "admin" ? (
                  <ActionButton
                    action={() => makeAdminAction(r.membershipId)}
                    label="Make Admin"
                    accessibleName={`Make Admin: ${r.email}`}
                    failures={MANAGE_FAILURES}
                  />
                ) : null}
                {r.status === "active" ? (
                  <ActionButton
                    action={() => revokeUserAction(r.membershipId)}
                    label="Revoke User"
                    variant="danger"
                    accessibleName={`Revoke User: ${r.email}`}
                    confirm={`Revoke ${r.email}? They lose access to this provider on their next page.`}
                    failures={MANAGE_FAILURES}
                  />
                ) : (
                  <ActionButton
                    action={() => restoreUserAction(r.membershipId)}
                    label="Restore User"
                    accessibleName={`Restore User: ${r.email}`}
                    failures={MANAGE_FAILURES}
                  />
                )}
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
      {editing ? <EditDialog row={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function EditDialog({ row, onClose }: { row: UserRow; onClose: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm<EditMembershipInput>({
    resolver: zodResolver(editMembershipSchema),
    defaultValues: { membershipId: row.membershipId, role: row.role, permissions: row.permissions },
  });
  const role = watch("role");
  const errors = messagesOf(formState.errors);
  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callAction(() =>
      editRoleAction({
        membershipId: row.membershipId,
        role: v.role,
        permissions: v.role === "admin" ? [] : Array.isArray(v.permissions) ? v.permissions : [],
      }),
    );
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) {
      onClose();
      router.refresh();
      return;
    }
    if (r.reason === "invalid") return applyServerErrors(setError, r.fieldErrors);
    setFormError(MANAGE_FAILURES[r.reason] ?? UNEXPECTED_ERROR);
  });
  return (
    <Dialog title={`Edit Role and Permissions: ${row.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={{ role: "Role", permissions: "Permissions", membershipId: "User" }} formError={formError} />
        <p className="mb-3 text-sm text-slate-700">{row.email}</p>
        <RolePermissionsFields register={register} role={role} idPrefix="edit" error={errors.permissions} />
        <DialogFormButtons label="Save" busyLabel="Saving…" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
