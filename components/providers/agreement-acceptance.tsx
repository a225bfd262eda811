"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState, type FormEventHandler } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { messagesOf } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";
import { CheckboxField } from "@/components/ui/checkbox";
import { agreementSchema, type AgreementInput } from "@/lib/providers/schemas";
import { AgreementText } from "./agreement-text";

type Agreement = { version: number; title: string; body: string };

/**
 * The state every "accept the Provider Agreement" form keeps (Associate Provider, Link Account,
 * invitations): the form, its errors, a form-level error, and a refusal that takes the form's place
 * and receives focus so screen readers announce it.
 */
export function useAgreementAcceptance<Refusal>(agreement: Agreement) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const form = useForm<AgreementInput>({
    resolver: zodResolver(agreementSchema),
    defaultValues: { accept: false, agreementVersion: agreement.version },
  });
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);
  return { form, errors: messagesOf(form.formState.errors), formError, setFormError, refusal, setRefusal, refusalRef };
}

/** The agreement text, the acceptance checkbox and the submit button. */
export function AgreementFields({
  agreement,
  onSubmit,
  register,
  errors,
  formError,
  submitting,
  submitLabel,
}: {
  agreement: Agreement;
  onSubmit: FormEventHandler<HTMLFormElement>;
  register: UseFormRegister<AgreementInput>;
  errors: Record<string, string | undefined>;
  formError: string | null;
  submitting: boolean;
  submitLabel: string;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={{ accept: "Provider Agreement" }} formError={formError} />
      <AgreementText agreement={agreement} />
      <CheckboxField id="accept" label="I have read and accept the Provider Agreement" required error={errors.accept} {...register("accept")} />
      <SubmitButton disabled={submitting}>{submitting ? "Saving…" : submitLabel}</SubmitButton>
    </form>
  );
}
