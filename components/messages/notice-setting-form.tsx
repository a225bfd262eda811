"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

type Answer = { ok: boolean; reason?: string; fieldErrors?: Record<string, string> } | undefined;

/** The per-person switch for the "new message" email. */
export function NoticeSettingForm({ action, on }: { action: (s: Answer | null, form: FormData) => Promise<Answer>; on: boolean }) {
  const { pending, form } = useFormAction(action);
  return (
    <form {...form} method="post" className="flex flex-wrap items-center gap-3">
      <input type="checkbox" id="emailNotice" name="emailNotice" defaultChecked={on} className="h-5 w-5 rounded border-slate-400" />
      <label htmlFor="emailNotice">Email me when a new message arrives (the email never includes the message)</label>
      <SubmitButton variant="secondary" pending={pending}>
        Save
      </SubmitButton>
    </form>
  );
}
