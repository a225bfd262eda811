"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { acceptAgreementAction } from "@/app/(portal)/associate/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { AgreementText } from "./agreement-text";
import type { AcceptResult } from "@/lib/providers/association";
import { adminExistsMessage, ASSOCIATION_MESSAGES as M } from "@/lib/providers/messages";
import { agreementSchema, type AgreementInput } from "@/lib/providers/schemas";

type Refusal = Extract<AcceptResult, { reason: "admin_exists" | "already_linked" | "no_pending" | "agreement_changed" }>;

/** Step 2: the agreement text (scrollable), the acceptance checkbox, and Next (Associate) or Finish (Link Account). */
export function AgreementForm({
  agreement,
  submitLabel,
  donePath,
  restartPath,
}: {
  agreement: { version: number; title: string; body: string };
  submitLabel: "Next" | "Finish";
  donePath: string;
  restartPath: string;
}) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, setError } = useForm<AgreementInput>({
    resolver: zodResolver(agreementSchema),
    defaultValues: { accept: false, agreementVersion: agreement.version },
  });
  const errors = messagesOf(formState.errors);

  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => acceptAgreementAction({ accept: values.accept, agreementVersion: agreement.version }));
    if (result.ok) {
      router.push(donePath);
      router.refresh();
      return;
    }
    if ("unexpected" in result) return setFormError(UNEXPECTED_ERROR);
    if (result.reason === "invalid") return applyServerErrors(setError, result.fieldErrors);
    setRefusal(result);
  });

  if (refusal) {
    return (
      <div ref={refusalRef} tabIndex={-1} className="focus:outline-none">
        {refusal.reason === "admin_exists" ? (
          <Alert tone="warning" title={M.adminExistsTitle}>
            {refusal.provider.name} (Provider ID {refusal.provider.providerNumber}). {adminExistsMessage(refusal.adminCount)}{" "}
            <Link href={`/request-access?npi=${refusal.provider.npi}`} className="font-semibold underline">
              Request access to {refusal.provider.name}
            </Link>
          </Alert>
        ) : refusal.reason === "already_linked" ? (
          <Alert tone="warning" title={M.alreadyLinkedTitle}>{M.alreadyLinked}</Alert>
        ) : refusal.reason === "agreement_changed" ? (
          <Alert tone="warning">{M.agreementChanged}</Alert>
        ) : (
          <Alert tone="warning" title={M.noPendingTitle}>{M.noPending}</Alert>
        )}
        {refusal.reason === "agreement_changed" ? (
          <Button
            variant="secondary"
            onClick={() => {
              setRefusal(null);
              router.refresh();
            }}
          >
            Read the updated Provider Agreement
          </Button>
        ) : (
          <Link href={restartPath} className="text-brand-700 underline">
            Back to provider details
          </Link>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={{ accept: "Provider Agreement" }} formError={formError} />
      <AgreementText agreement={agreement} />
      <CheckboxField id="accept" label="I have read and accept the Provider Agreement" required error={errors.accept} {...register("accept")} />
      <SubmitButton disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : submitLabel}
      </SubmitButton>
    </form>
  );
}
