import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { UNEXPECTED_ERROR } from "./messages";

export { UNEXPECTED_ERROR };

/** Helpers for the forms that still call actions from event handlers (the Manage Users dialogs). */

/** Puts the server's field errors on the react-hook-form fields. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string> | undefined) {
  for (const [field, message] of Object.entries(fieldErrors ?? {})) setError(field as Path<T>, { type: "server", message });
}

/** Flattens react-hook-form's errors to { field: message } for the summary. */
export function messagesOf(errors: Record<string, { message?: unknown } | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, typeof v?.message === "string" ? v.message : undefined]));
}

/** Calls a server action; a thrown error (a bug or an outage) becomes `{ unexpected: true }`. */
export async function callAction<T>(fn: () => Promise<T>): Promise<T | { ok: false; unexpected: true }> {
  try {
    return await fn();
  } catch {
    return { ok: false, unexpected: true };
  }
}
