"use client";

import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { CheckboxField } from "@/components/ui/checkbox";
import { AgreementText } from "./agreement-text";

type Agreement = { version: number; title: string; body: string };

/**
 * The agreement text, the acceptance checkbox and the submit button of every "accept the Provider
 * Agreement" form (Associate Provider, Link Account, invitations): a plain form posting `accept`
 * and `agreementVersion` (and the caller's hidden fields) to the caller's action.
 */
export function AgreementFields({
  agreement,
  form,
  errors,
  formError = null,
  pending,
  submitLabel,
  children,
}: {
  agreement: Agreement;
  form: Omit<ComponentProps<"form">, "children">;
  errors: Record<string, string | undefined>;
  formError?: string | null;
  pending: boolean;
  submitLabel: string;
  /** Hidden fields the action needs besides the acceptance. */
  children?: ReactNode;
}) {
  return (
    <form {...form}>
      <input type="hidden" name="agreementVersion" value={agreement.version} />
      {children}
      <ErrorSummary errors={errors} labels={{ accept: "Provider Agreement" }} formError={formError} />
      <AgreementText agreement={agreement} />
      <CheckboxField id="accept" name="accept" label="I have read and accept the Provider Agreement" required error={errors.accept} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** A refusal that takes the form's place, focused so screen readers announce it. */
export function RefusalPanel({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="focus:outline-none">
      {children}
    </div>
  );
}
