"use client";

import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/app/(public)/invitations/accept/actions";
import { applyServerErrors, callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { AgreementFields, useAgreementAcceptance } from "@/components/providers/agreement-acceptance";
import { Alert } from "@/components/ui/alert";
import type { AcceptInvitationResult } from "@/lib/invitations/accept";
import { INVITATION_REFUSALS } from "./messages";

type Refusal = Exclude<AcceptInvitationResult, { ok: true } | { reason: "invalid" }>;

/** The Provider Agreement for an invitation; accepting links the person to the provider and opens the portal there. */
export function AcceptInvitationForm({ token, agreement }: { token: string; agreement: { version: number; title: string; body: string } }) {
  const router = useRouter();
  const { form, errors, formError, setFormError, refusal, setRefusal, refusalRef } = useAgreementAcceptance<Refusal>(agreement);
  const { register, handleSubmit, formState, setError } = form;

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
    <AgreementFields
      agreement={agreement}
      onSubmit={onSubmit}
      register={register}
      errors={errors}
      formError={formError}
      submitting={formState.isSubmitting}
      submitLabel="Accept and continue"
    />
  );
}
