"use client";

import { useRouter } from "next/navigation";
import { useEffect, type FormEvent } from "react";
import { regenerateRecoveryCodesAction } from "@/app/(portal)/settings/security/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { RecoveryCodes } from "@/components/mfa/recovery-codes";

const CONFIRM = "Create new recovery codes? The old codes will stop working.";

/**
 * New recovery codes, shown once. A plain form: without JavaScript the server renders the page
 * again with the new codes; with it, the person confirms first. "Done" reloads the settings.
 */
export function RegenerateCodes() {
  const router = useRouter();
  const { state, pending, form } = useFormAction(regenerateRecoveryCodesAction);
  const reverify = state?.ok === false && state.reverify;
  useEffect(() => {
    if (reverify) router.refresh();
  }, [reverify, router]);
  if (state?.ok) return <RecoveryCodes codes={state.codes} doneHref="/settings/security" doneLabel="Done" />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(CONFIRM)) return event.preventDefault();
    form.onSubmit(event);
  }
  return (
    <form {...form} onSubmit={onSubmit}>
      <SubmitButton variant="secondary" pending={pending}>
        Create new recovery codes
      </SubmitButton>
      {reverify ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          Confirm your password first.
        </p>
      ) : null}
    </form>
  );
}
