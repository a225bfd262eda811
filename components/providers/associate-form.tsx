"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { associateAction } from "@/app/(portal)/associate/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import type { AssociateResult } from "@/lib/providers/association";
import { adminExistsMessage, ASSOCIATION_MESSAGES as M, rateLimitedMessage } from "@/lib/providers/messages";
import { PROVIDER_TYPES } from "@/lib/providers/provider-types";

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

/**
 * Step 1 of Associate Provider (`flow` "associate") and of Link Account ("link"): Provider Type,
 * then the fields for that type; a match goes on to the agreement. Without JavaScript the type
 * cannot swap the fields, so both the practitioner's and the group's names are shown.
 */
export function AssociateForm({ flow }: { flow: "associate" | "link" }) {
  const { state, pending, errors, values, form } = useFormAction(associateAction);
  const hydrated = useHydrated();
  const [type, setType] = useState(values.providerType ?? "");
  const outcomeRef = useRef<HTMLDivElement>(null);
  const typeRef = useRef<HTMLSelectElement>(null);
  // A type chosen before React hydrated fired no onChange: take it from the select once hydrated.
  useEffect(() => {
    if (hydrated && typeRef.current) setType(typeRef.current.value);
  }, [hydrated]);
  const outcome = state && !state.ok && state.reason !== "invalid" && "reason" in state ? (state as Outcome) : null;

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const showGroup = type === "group" || !hydrated;
  const showPractitioner = type !== "group" || !hydrated;
  const only = (what: string) => (hydrated ? "" : ` (${what} only)`);
  return (
    <form {...form}>
      <input type="hidden" name="flow" value={flow} />
      <ErrorSummary errors={errors} labels={LABELS} />
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="focus:outline-none">
          <OutcomeMessage outcome={outcome} />
        </div>
      ) : null}
      <RequiredNote />
      <SelectField ref={typeRef} id="providerType" name="providerType" label="Provider Type" required defaultValue={values.providerType ?? ""} onChange={(e) => setType(e.target.value)} error={errors.providerType}>
        <option value="">Choose Practitioner or Group</option>
        {PROVIDER_TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </SelectField>
      {showPractitioner ? (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            id="firstName"
            name="firstName"
            label={`Practitioner's First Name${only("Practitioner")}`}
            required={hydrated}
            maxLength={100}
            autoComplete="off"
            defaultValue={values.firstName}
            error={errors.firstName}
          />
          <TextField
            id="lastName"
            name="lastName"
            label={`Practitioner's Last Name${only("Practitioner")}`}
            required={hydrated}
            maxLength={100}
            autoComplete="off"
            defaultValue={values.lastName}
            error={errors.lastName}
          />
        </div>
      ) : null}
      {showGroup ? (
        <TextField
          id="groupName"
          name="groupName"
          label={`Group Name${only("Group")}`}
          required={hydrated}
          maxLength={200}
          autoComplete="organization"
          defaultValue={values.groupName}
          error={errors.groupName}
        />
      ) : null}
      <TextField
        id="taxId"
        name="taxId"
        label="Tax ID"
        required
        maxLength={20}
        inputMode="numeric"
        autoComplete="off"
        hint="9 digits, with or without the dash: 12-3456789"
        defaultValue={values.taxId}
        error={errors.taxId}
      />
      <TextField
        id="providerNumber"
        name="providerNumber"
        label="Provider ID/Billing Number"
        required
        maxLength={30}
        autoComplete="off"
        hint="Found in your Welcome Letter."
        defaultValue={values.providerNumber}
        error={errors.providerNumber}
      />
      <TextField id="zip" name="zip" label="ZIP Code" required maxLength={10} inputMode="numeric" autoComplete="postal-code" defaultValue={values.zip} error={errors.zip} />
      <SubmitButton className="w-full sm:w-auto" pending={pending} pendingLabel="Checking…">
        Next
      </SubmitButton>
    </form>
  );
}
