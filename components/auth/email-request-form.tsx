"use client";

import Link from "next/link";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SentConfirmation } from "@/components/forms/sent-confirmation";
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
  const sent = state?.ok === true;

  if (sent) return <SentConfirmation>{confirmation}</SentConfirmation>;
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
