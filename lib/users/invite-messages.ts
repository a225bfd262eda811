/** Browser-safe: the per-row outcome of Send Invitation and what each failure means. */
export type InviteRowProblem = "wrong_zip" | "already_member" | "duplicate_pending";
export type InviteRowResult =
  | { ok: true; email: string; invitationId: string }
  | { ok: false; email: string; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; email: string; reason: InviteRowProblem };

/** What each row's failure means to the administrator (the dialog's result list). */
export const INVITE_ROW_MESSAGES: Record<Exclude<InviteRowResult, { ok: true }>["reason"], string> = {
  invalid: "Check this person's details and try again.",
  wrong_zip: "The ZIP Code is not one of this provider's ZIP codes.",
  already_member: "This person is already a user of this provider.",
  duplicate_pending: "This person already has a pending invitation to this provider.",
};

