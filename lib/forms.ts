import { z } from "zod";

/** zod issues → { field: first message }, the shape every form shows on its fields. */
export function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * A checkbox as a form posts it ("on" when ticked, absent when not) or as a script sends it
 * (a boolean): true only when ticked.
 */
export const checkboxField = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
