/** Wording and limits the Message Box forms share (browser-safe: no zod, no database). */

export { BODY_MAX as BODY_LIMIT, SUBJECT_MAX as SUBJECT_LIMIT } from "@/lib/messages/limits";

export type SendAnswer = { ok: true; threadId: string } | { ok: false; reason: string; fieldErrors?: Record<string, string> };

/** The form-level message for an answer that is not a field error. */
export function refusalMessage(state: { ok: boolean; reason?: string } | null): string | null {
  if (!state || state.ok) return null;
  if (state.reason === "forbidden") return "You do not have the Message Box for this provider.";
  if (state.reason === "not_found") return "This conversation is not in your Message Box.";
  return null;
}
