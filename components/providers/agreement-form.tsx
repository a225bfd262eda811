"use client";

import Link from "next/link";
import { acceptAgreementAction } from "@/app/(portal)/associate/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { adminExistsMessage, ASSOCIATION_MESSAGES as M } from "@/lib/providers/messages";
import { AgreementFields, RefusalPanel } from "./agreement-acceptance";

/**
 * Step 2: the agreement text (scrollable), the acceptance checkbox, and Next (Associate) or Finish
 * (Link Account); accepted, the action sends the person on. Works without JavaScript.
 */
export function AgreementForm({
  flow,
  agreement,
  submitLabel,
  agreementPath,
  restartPath,
}: {
  flow: "associate" | "link";
  agreement: { version: number; title: string; body: string };
  submitLabel: "Next" | "Finish";
  agreementPath: string;
  restartPath: string;
}) {
  const { state, pending, errors, form } = useFormAction(acceptAgreementAction);
  const refusal = state && !state.ok && state.reason !== "invalid" ? state : null;

  if (refusal) {
    return (
      <RefusalPanel>
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
          // A full page load: the new text, and a fresh form.
          <a href={agreementPath} className={buttonClass("secondary")}>
            Read the updated Provider Agreement
          </a>
        ) : (
          <Link href={restartPath} className="text-brand-700 underline">
            Back to provider details
          </Link>
        )}
      </RefusalPanel>
    );
  }

  return (
    <AgreementFields agreement={agreement} form={form} errors={errors} pending={pending} submitLabel={submitLabel}>
      <input type="hidden" name="flow" value={flow} />
    </AgreementFields>
  );
}
