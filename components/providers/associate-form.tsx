"use client";

import Link from "next/link";
import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { associateAction } from "@/app/(portal)/associate/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import type { AssociateResult } from "@/lib/providers/association";
import { adminExistsMessage, ASSOCIATION_MESSAGES as M, rateLimitedMessage } from "@/lib/providers/messages";
import { associateSchema, PROVIDER_TYPES, type AssociateInput, type AssociateValues } from "@/lib/providers/schemas";

const LABELS = {
  providerType: "Provider Type",
  firstName: "Practitioner's First Name",
  lastName: "Practitioner's Last Name",
  groupName: "Group Name",
  taxId: "Tax ID",
  providerNumber: "Provider ID/Billing Number",
  zip: "ZIP Code",
};

type Outcome = Exclude<AssociateResult, { ok: true } | { reason: "invalid" }>;

function retryWording(ms: number) {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "in a minute" : minutes < 60 ? `in ${minutes} minutes` : "in an hour";
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  switch (outcome.reason) {
    case "not_found":
      return <Alert tone="error" title={M.notFoundTitle}>{M.notFound}</Alert>;
    case "mismatch":
      return <Alert tone="error" title={M.mismatchTitle}>{M.mismatch}</Alert>;
    case "rate_limited":
      return <Alert tone="error" title={M.rateLimitedTitle}>{rateLimitedMessage(retryWording(outcome.retryAfterMs))}</Alert>;
    case "already_linked":
      return (
        <Alert tone="warning" title={M.alreadyLinkedTitle}>
          {outcome.provider.name} (Provider ID {outcome.provider.providerNumber}). {M.alreadyLinked}
        </Alert>
      );
    case "admin_exists":
      return (
        <Alert tone="warning" title={M.adminExistsTitle}>
          <p>
            {outcome.provider.name} (Provider ID {outcome.provider.providerNumber}). {adminExistsMessage(outcome.adminCount)}{" "}
            <Link href={`/request-access?npi=${outcome.provider.npi}`} className="font-semibold underline">
              Request access to {outcome.provider.name}
            </Link>
          </p>
        </Alert>
      );
  }
}

/** Step 1 of Associate Provider and of Link Account: Provider Type, then the fields for that type. */
export function AssociateForm({ agreementPath }: { agreementPath: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm<AssociateInput, unknown, AssociateValues>({
    resolver: zodResolver(associateSchema),
    defaultValues: { providerType: "" as AssociateInput["providerType"], firstName: "", lastName: "", groupName: "", taxId: "", providerNumber: "", zip: "" },
  });
  const errors = messagesOf(formState.errors);
  const type = watch("providerType");

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    setFormError(null);
    const result = await callAction(() => associateAction(values));
    if (result.ok) {
      router.push(agreementPath);
      return;
    }
    if ("unexpected" in result) return setFormError(UNEXPECTED_ERROR);
    if (result.reason === "invalid") return applyServerErrors(setError, result.fieldErrors);
    setOutcome(result);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={LABELS} formError={formError} />
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="focus:outline-none">
          <OutcomeMessage outcome={outcome} />
        </div>
      ) : null}
      <RequiredNote />
      <SelectField id="providerType" label="Provider Type" required error={errors.providerType} {...register("providerType")}>
        <option value="">Choose Practitioner or Group</option>
        {PROVIDER_TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </SelectField>
      {type === "group" ? (
        <TextField id="groupName" label="Group Name" required maxLength={200} autoComplete="organization" error={errors.groupName} {...register("groupName")} />
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="firstName" label="Practitioner's First Name" required maxLength={100} autoComplete="off" error={errors.firstName} {...register("firstName")} />
          <TextField id="lastName" label="Practitioner's Last Name" required maxLength={100} autoComplete="off" error={errors.lastName} {...register("lastName")} />
        </div>
      )}
      <TextField id="taxId" label="Tax ID" required maxLength={20} inputMode="numeric" autoComplete="off" hint="9 digits, with or without the dash: 12-3456789" error={errors.taxId} {...register("taxId")} />
      <TextField
        id="providerNumber"
        label="Provider ID/Billing Number"
        required
        maxLength={30}
        autoComplete="off"
        hint="Found in your Welcome Letter."
        error={errors.providerNumber}
        {...register("providerNumber")}
      />
      <TextField id="zip" label="ZIP Code" required maxLength={10} inputMode="numeric" autoComplete="postal-code" error={errors.zip} {...register("zip")} />
      <SubmitButton className="w-full sm:w-auto" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Checking…" : "Next"}
      </SubmitButton>
    </form>
  );
}
