"use client";

import { useRouter } from "next/navigation";
import { useEffect, type FormEvent } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ButtonVariant } from "@/components/ui/button";

type Result = { ok: boolean; reverify?: boolean; error?: string; reason?: string };

const REVERIFY = "Confirm your password first.";
const FAILED = "That did not work. Refresh the page and try again.";

/**
 * One button, one server action: a small form whose hidden `fields` name what it acts on, so it
 * works without JavaScript (the server runs the action and renders the page again, with a
 * refusal beside the button). With JavaScript, `confirm` is asked first and the page refreshes
 * after success.
 */
export function ActionButton({
  action,
  fields = {},
  label,
  variant = "secondary",
  confirm,
  failures = {},
  accessibleName,
}: {
  action: (state: Result | null, form: FormData) => Promise<Result>;
  fields?: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  confirm?: string;
  failures?: Record<string, string>;
  accessibleName?: string;
}) {
  const router = useRouter();
  const { state, pending, form } = useFormAction(action);
  useEffect(() => {
    if (state?.ok || state?.reverify) router.refresh();
  }, [state, router]);
  const why = state?.error ?? state?.reason;
  const message = !state || state.ok ? null : state.reverify ? REVERIFY : (why && failures[why]) || FAILED;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (confirm && !window.confirm(confirm)) return event.preventDefault();
    form.onSubmit(event);
  }

  return (
    <form {...form} onSubmit={onSubmit} className="inline-flex flex-col items-start">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} aria-label={accessibleName} pending={pending}>
        {label}
      </SubmitButton>
      {message ? (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {message}
        </span>
      ) : null}
    </form>
  );
}
