"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { refusalMessage } from "./messages";

type StateAnswer = { ok: boolean; reason?: string } | undefined;

/** One button in its own form: Mark as unread, Archive, Move to Inbox. The action redirects on success. */
export function ThreadStateButton({ action, threadId, state, label }: { action: (s: StateAnswer | null, form: FormData) => Promise<StateAnswer>; threadId: string; state: "unread" | "archived" | "inbox"; label: string }) {
  const { state: answer, pending, form } = useFormAction(action);
  const problem = refusalMessage(answer ?? null) ?? (answer && !answer.ok ? "That did not work. Refresh the page and try again." : null);
  return (
    <form {...form} method="post" className="inline-flex flex-col items-start">
      <input type="hidden" name="threadId" value={threadId} />
      <input type="hidden" name="state" value={state} />
      <SubmitButton variant="secondary" pending={pending}>
        {label}
      </SubmitButton>
      {problem ? (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {problem}
        </span>
      ) : null}
    </form>
  );
}
