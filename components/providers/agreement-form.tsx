"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { acceptAgreementAction } from "@/app/(portal)/associate/actions";
import { applyServerErrors, callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AcceptResult } from "@/lib/providers/association";
import { AgreementFields, useAgreementAcceptance } from "./agreement-acceptance";
import { adminExistsMessage, ASSOCIATION_MESSAGES as M } from "@/lib/providers/messages";

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
  const { form, errors, formError, setFormError, refusal, setRefusal, refusalRef } = useAgreementAcceptance<Refusal>(agreement);
  const { register, handleSubmit, formState, setError } = form;

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
    <AgreementFields
      agreement={agreement}
      onSubmit={onSubmit}
      register={register}
      errors={errors}
      formError={formError}
      submitting={formState.isSubmitting}
      submitLabel={submitLabel}
    />
  );
}
