"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { emailOnlySchema } from "@/lib/auth/schemas";

export type EmailRequestResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; rateLimited: true; retryAfterMs: number };

/**
 * One email field and a button, answering with the same confirmation whatever the address:
 * used by Forgot password and Resend activation email.
 */
export function EmailRequestForm({
  action,
  submitLabel,
  confirmation,
  defaultEmail = "",
}: {
  action: (input: { email: string }) => Promise<EmailRequestResult>;
  submitLabel: string;
  confirmation: string;
  defaultEmail?: string;
}) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const { register, handleSubmit, formState, setError } = useForm<{ email: string }>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: defaultEmail } });
  const errors = messagesOf(formState.errors);
  useEffect(() => {
    if (sentTo) doneRef.current?.focus();
  }, [sentTo]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => action(values));
    if (result.ok) return setSentTo(values.email);
    if ("unexpected" in result) return setFormError(UNEXPECTED_ERROR);
    if ("rateLimited" in result) {
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      return setFormError(`Too many requests. Try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`);
    }
    applyServerErrors(setError, result.fieldErrors);
  });

  if (sentTo) {
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
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={{ email: "Email" }} formError={formError} />
      <TextField id="email" label="Email" type="email" autoComplete="email" required maxLength={254} error={errors.email} {...register("email")} />
      <SubmitButton className="w-full" disabled={formState.isSubmitting}>
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
