"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { acceptInvitationAction } from "@/app/(public)/invitations/accept/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { AgreementFields, RefusalPanel } from "@/components/providers/agreement-acceptance";
import { Alert } from "@/components/ui/alert";
import { INVITATION_REFUSALS } from "./messages";

/**
 * The Provider Agreement for an invitation; accepting links the person to the provider and the
 * action opens the portal there. Works without JavaScript. A changed agreement is said above the
 * form, which the page renders again with the new text.
 */
export function AcceptInvitationForm({ token, agreement }: { token: string; agreement: { version: number; title: string; body: string } }) {
  const { state, pending, errors, form } = useFormAction(acceptInvitationAction);
  const router = useRouter();
  const refusal = state && !state.ok && state.reason !== "invalid" && state.reason !== "agreement_changed" ? state : null;
  const changed = !!state && !state.ok && state.reason === "agreement_changed";
  // With JavaScript the page is not rendered again by the post: fetch the new text.
  useEffect(() => {
    if (changed) router.refresh();
  }, [changed, router]);

  if (refusal) {
    return (
      <RefusalPanel>
        <Alert tone="warning">{INVITATION_REFUSALS[refusal.reason]}</Alert>
      </RefusalPanel>
    );
  }
  return (
    <AgreementFields
      agreement={agreement}
      form={form}
      errors={errors}
      formError={changed ? INVITATION_REFUSALS.agreement_changed : null}
      pending={pending}
      submitLabel="Accept and continue"
    >
      <input type="hidden" name="token" value={token} />
    </AgreementFields>
  );
}
