"use client";

import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { PERMISSIONS, ROLES, type Role } from "@/lib/access/permissions";

/** What each input of the two fields gets: react-hook-form's `register`, or `plainFormFields` for a form posted as is. */
export type FieldProps = (name: "role" | "permissions") => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

/** For a plain form: the boxes post as `permissions[]`, so one ticked box still arrives as a list. */
export const plainFormFields: FieldProps = (name) => ({ name: name === "permissions" ? "permissions[]" : name });

export type Grant = { role: Role; permissions: string[] };

/**
 * What a plain form's role and boxes say now (it decides what the fields show and what the
 * status message says): spread `onChange` on the <form>.
 */
export function usePickedGrant(initial: Grant): [Grant, (event: FormEvent<HTMLFormElement>) => void] {
  const [picked, setPicked] = useState<Grant>(initial);
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setPicked({ role: data.get("role") === "admin" ? "admin" : "user", permissions: data.getAll("permissions[]").map(String) });
  };
  return [picked, onChange];
}

const permissionCheckboxId = (idPrefix: string, permission: string) => `${idPrefix}-perm-${permission}`;

/** The first permission's checkbox, for a dialog's initialFocus. */
export const firstPermissionSelector = (idPrefix: string) => `#${permissionCheckboxId(idPrefix, PERMISSIONS[0].id)}`;

/**
 * Role (Administrator or User) and the permission checkboxes, showing exactly what the form will
 * grant: for an Administrator every box ticked and fixed (they hold all by role); for a User the
 * boxes as chosen. The User's boxes stay in the form while Administrator is chosen, so switching
 * back shows them as they were. `hint` replaces the User hint (the Edit dialog says where the
 * boxes came from). `defaults` ticks the inputs of a plain form (react-hook-form has its own).
 */
export function RolePermissionsFields({
  register,
  role,
  idPrefix,
  error,
  hint,
  defaults,
}: {
  register: FieldProps;
  role: string;
  idPrefix: string;
  error?: string;
  hint?: ReactNode;
  defaults?: { role: string; permissions: readonly string[] };
}) {
  const isAdmin = role === "admin";
  return (
    <>
      <fieldset className="mb-4">
        <legend className="mb-1 text-sm font-medium text-slate-800">Role</legend>
        <div className="flex gap-6">
          {ROLES.map((r) => (
            <label key={r.id} className="flex items-center gap-2">
              <input type="radio" value={r.id} id={`${idPrefix}-role-${r.id}`} className="h-4 w-4" defaultChecked={defaults ? defaults.role === r.id : undefined} {...register("role")} />
              {r.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="mb-4" aria-describedby={`${idPrefix}-perm-hint${error ? ` ${idPrefix}-perm-error` : ""}`}>
        <legend className="mb-1 text-sm font-medium text-slate-800">Permissions</legend>
        <p id={`${idPrefix}-perm-hint`} className="mb-2 text-sm text-slate-600">
          {isAdmin ? "Administrators hold every permission." : (hint ?? "Choose what this user may do for the provider.")}
        </p>
        {isAdmin ? (
          <div className="grid gap-1 sm:grid-cols-2">
            {PERMISSIONS.map((p) => (
              <label key={p.id} className="flex items-center gap-2 text-slate-700">
                <input type="checkbox" checked disabled readOnly className="h-4 w-4" />
                {p.label}
              </label>
            ))}
          </div>
        ) : null}
        <div hidden={isAdmin}>
          <div className="grid gap-1 sm:grid-cols-2">
            {PERMISSIONS.map((p) => (
              <label key={p.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  value={p.id}
                  id={permissionCheckboxId(idPrefix, p.id)}
                  className="h-4 w-4"
                  defaultChecked={defaults ? defaults.permissions.includes(p.id) : undefined}
                  {...register("permissions")}
                />
                {p.label}
              </label>
            ))}
          </div>
        </div>
        {error ? (
          <p id={`${idPrefix}-perm-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
