"use client";

import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextAreaField } from "@/components/ui/field";
import { BODY_LIMIT, refusalMessage, type SendAnswer } from "./messages";

/** Reply to everyone in the thread. A plain form post without JavaScript; the action reopens the thread. */
export function ReplyForm({ action, threadId }: { action: (state: SendAnswer | null, form: FormData) => Promise<SendAnswer>; threadId: string }) {
  const { state, pending, errors, values, form } = useFormAction(action);
  return (
    <form {...form} method="post" aria-labelledby="reply-heading">
      <h2 id="reply-heading" className="mb-2 text-lg font-semibold text-brand-800">
        Reply
      </h2>
      <input type="hidden" name="threadId" value={threadId} />
      <ErrorSummary errors={errors} labels={{ body: "Message" }} formError={refusalMessage(state)} />
      <TextAreaField id="body" name="body" label="Message" required rows={6} maxLength={BODY_LIMIT} hint={`Plain text, at most ${BODY_LIMIT.toLocaleString("en-US")} characters.`} defaultValue={values.body ?? ""} error={errors.body} />
      <SubmitButton pending={pending}>Send reply</SubmitButton>
    </form>
  );
}
