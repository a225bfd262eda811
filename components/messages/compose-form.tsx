"use client";

import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextAreaField, TextField } from "@/components/ui/field";
import { BODY_LIMIT, refusalMessage, SUBJECT_LIMIT, type SendAnswer } from "./messages";

export interface Recipient {
  userId: string;
  name: string;
}

/**
 * Write a message: recipients are picked from the active provider's members (checkboxes of names,
 * never a typed address), a subject and a plain-text body. Posts to the server action with or
 * without JavaScript; on success the action opens the new thread.
 */
export function ComposeForm({ action, recipients, preselected }: { action: (state: SendAnswer | null, form: FormData) => Promise<SendAnswer>; recipients: Recipient[]; preselected?: string }) {
  const { state, pending, errors, values, form } = useFormAction(action);
  // After a post without JavaScript a single chosen recipient comes back in `values`.
  const chosen = values.to ?? preselected;
  return (
    <form {...form} method="post">
      <ErrorSummary errors={errors} labels={{ to: "To", subject: "Subject", body: "Message" }} formError={refusalMessage(state)} />
      <fieldset id="to" className="mb-4" aria-describedby={errors.to ? "to-error" : undefined}>
        <legend className="mb-1 block text-sm font-medium text-slate-800">
          To<span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
        </legend>
        {recipients.length === 0 ? <p className="text-slate-700">Nobody else at this provider can receive messages yet.</p> : null}
        <ul className="max-h-60 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
          {recipients.map((r) => (
            <li key={r.userId} className="flex items-center gap-2">
              <input type="checkbox" id={`to-${r.userId}`} name="to" value={r.userId} defaultChecked={r.userId === chosen} className="h-5 w-5 rounded border-slate-400" />
              <label htmlFor={`to-${r.userId}`}>{r.name}</label>
            </li>
          ))}
        </ul>
        {errors.to ? (
          <p id="to-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.to}
          </p>
        ) : null}
      </fieldset>
      <TextField id="subject" name="subject" label="Subject" required maxLength={SUBJECT_LIMIT} defaultValue={values.subject ?? ""} error={errors.subject} />
      <TextAreaField id="body" name="body" label="Message" required rows={10} maxLength={BODY_LIMIT} hint={`Plain text, at most ${BODY_LIMIT.toLocaleString("en-US")} characters.`} defaultValue={values.body ?? ""} error={errors.body} />
      <SubmitButton pending={pending}>Send</SubmitButton>
    </form>
  );
}
