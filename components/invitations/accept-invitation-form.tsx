"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { acceptInvitationAction } from "@/app/(public)/invitations/accept/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";
import { AgreementText } from "@/components/providers/agreement-text";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox";
import type { AcceptInvitationResult } from "@/lib/invitations/accept";
import { agreementSchema, type AgreementInput } from "@/lib/providers/schemas";
import { INVITATION_REFUSALS } from "./messages";

type Refusal = Exclude<AcceptInvitationResult, { ok: true } | { reason: "invalid" }>;

/** The Provider Agreement for an invitation; accepting links the person to the provider and opens the portal there. */
export function AcceptInvitationForm({ token, agreement }: { token: string; agreement: { version: number; title: string; body: string } }) {
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

  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callAction(() => acceptInvitationAction(token, { accept: v.accept, agreementVersion: agreement.version }));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) {
      router.push("/home?joined=1");
      router.refresh();
      return;
    }
    if (r.reason === "invalid") return applyServerErrors(setError, r.fieldErrors);
    if (r.reason === "agreement_changed") {
      setFormError(INVITATION_REFUSALS.agreement_changed);
      return router.refresh();
    }
    setRefusal(r);
  });

  if (refusal) {
    return (
      <div ref={refusalRef} tabIndex={-1} className="focus:outline-none">
        <Alert tone="warning">{INVITATION_REFUSALS[refusal.reason]}</Alert>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={{ accept: "Provider Agreement" }} formError={formError} />
      <AgreementText agreement={agreement} />
      <CheckboxField id="accept" label="I have read and accept the Provider Agreement" required error={errors.accept} {...register("accept")} />
      <SubmitButton disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : "Accept and continue"}</SubmitButton>
    </form>
  );
}
