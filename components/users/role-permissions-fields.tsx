"use client";

import type { UseFormRegister, FieldValues, Path } from "react-hook-form";
import { PERMISSIONS, ROLES } from "@/lib/access/permissions";

/** Role (Administrator or User) and, for a User, the permission checkboxes. Administrators hold all. */
export function RolePermissionsFields<T extends FieldValues>({ register, role, idPrefix, error }: { register: UseFormRegister<T>; role: string; idPrefix: string; error?: string }) {
  return (
    <>
      <fieldset className="mb-4">
        <legend className="mb-1 text-sm font-medium text-slate-800">Role</legend>
        <div className="flex gap-6">
          {ROLES.map((r) => (
            <label key={r.id} className="flex items-center gap-2">
              <input type="radio" value={r.id} id={`${idPrefix}-role-${r.id}`} className="h-4 w-4" {...register("role" as Path<T>)} />
              {r.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="mb-4" aria-describedby={`${idPrefix}-perm-hint${error ? ` ${idPrefix}-perm-error` : ""}`}>
        <legend className="mb-1 text-sm font-medium text-slate-800">Permissions</legend>
        <p id={`${idPrefix}-perm-hint`} className="mb-2 text-sm text-slate-600">
          {role === "admin" ? "Administrators hold every permission." : "Choose what this user may do for the provider."}
        </p>
        <div className="grid gap-1 sm:grid-cols-2">
          {PERMISSIONS.map((p) => (
            <label key={p.id} className="flex items-center gap-2">
              <input type="checkbox" value={p.id} disabled={role === "admin"} className="h-4 w-4" {...register("permissions" as Path<T>)} />
              {p.label}
            </label>
          ))}
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
