"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/ui/field";

export type EmailRequestResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; rateLimited: true; retryAfterMs: number };

function waitWording(retryAfterMs: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many requests. Try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`;
}

/**
 * One email field and a button, answering with the same confirmation whatever the address:
 * used by Forgot password and Resend activation email. Works without JavaScript.
 */
export function EmailRequestForm({
  action,
  submitLabel,
  confirmation,
  defaultEmail = "",
}: {
  action: (state: EmailRequestResult | null, form: FormData) => Promise<EmailRequestResult>;
  submitLabel: string;
  confirmation: string;
  defaultEmail?: string;
}) {
  const { state, pending, errors, values, form } = useFormAction(action);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const sent = state?.ok === true;
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  if (sent) {
    return (
      <div role="status" className="rounded-md bg-brand-50 p-5">
        <p ref={doneRef} tabIndex={-1} className="font-semibold text-brand-900 focus:outline-none">
          {confirmation}
        </p>
        <p className="mt-4">
          <Link href="/login" className="text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form {...form}>
      <ErrorSummary errors={errors} labels={{ email: "Email" }} formError={state && "rateLimited" in state ? waitWording(state.retryAfterMs) : null} />
      <TextField id="email" name="email" label="Email" type="email" autoComplete="email" required maxLength={254} defaultValue={values.email ?? defaultEmail} error={errors.email} />
      <SubmitButton className="w-full" pending={pending}>
        {submitLabel}
      </SubmitButton>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
