"use client";

import { useRef, useState, type ReactNode } from "react";
import { submitAccessRequestAction } from "@/app/(public)/request-access/actions";
import { emptyForm } from "@/components/forms/empty-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { HoneypotField } from "@/components/forms/honeypot-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { describeRetry } from "@/lib/rate-limit/retry-wording";
import type { RegisteredProvider } from "@/lib/requests/directory";
import { PROGRAMS, US_STATES } from "@/lib/requests/choices";
import { AccessRequestConfirmation } from "./access-request-confirmation";
import { PHONE_PARTS, PhoneNumberFields } from "./phone-number-fields";
import { ProviderDetailsFields, type ProviderDetails } from "./provider-details-fields";
import { ReasonField } from "./reason-field";

const LABELS: Record<string, string> = {
  program: "Program",
  state: "State",
  npi: "NPI",
  providerName: "Provider name",
  firstName: "First Name",
  lastName: "Last Name",
  positionTitle: "Position/Title",
  email: "Email",
  confirmEmail: "Confirm Email",
  phoneArea: "Phone Number",
  phonePrefix: "Phone Number",
  phoneLine: "Phone Number",
  phoneExtension: "Extn",
  reason: "Reason for requesting access",
};

/** The three phone inputs share one message: the summary lists it once, linked to the first bad part. */
function summaryErrors(errors: Record<string, string | undefined>): Record<string, string | undefined> {
  const firstPhone = PHONE_PARTS.find((p) => errors[p]);
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !(PHONE_PARTS as readonly string[]).includes(k) || k === firstPhone));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6 border-t border-slate-200 pt-4">
      <legend className="pr-2">
        <h2 className="text-lg font-semibold text-brand-800">{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

/**
 * Request Access for New User (seed 000): Coverage & State, NPI or Provider, Requestor Details.
 * A plain form posting to the action, so it works without JavaScript (the NPI or the provider's
 * name typed directly); with JavaScript the search dialog can fill them in.
 */
export function RequestAccessForm({ initialNpi = "" }: { initialNpi?: string }) {
  const { state, pending, errors, values, form, clear } = useFormAction(submitAccessRequestAction);
  const formRef = useRef<HTMLFormElement>(null);
  const [program, setProgram] = useState(values.program ?? "");
  const [details, setDetails] = useState<ProviderDetails>({ npi: values.npi ?? initialNpi, providerName: values.providerName ?? "", providerId: values.providerId ?? "" });
  const [selected, setSelected] = useState<RegisteredProvider | null>(null);
  const [reason, setReason] = useState(values.reason ?? "");
  const stateRequired = program === "medicaid" || program === "both";

  if (state?.ok) return <AccessRequestConfirmation email={values.email ?? ""} />;
  const formError = state && "rateLimited" in state ? `Too many access requests from this network or for this email. Try again ${describeRetry(state.retryAfterMs)}.` : null;

  return (
    <form ref={formRef} {...form}>
      <ErrorSummary errors={summaryErrors(errors)} labels={LABELS} formError={formError} />
      <RequiredNote />

      <Section title="Coverage & State Details">
        <div className="grid gap-x-4 sm:grid-cols-2">
          <fieldset
            role="radiogroup"
            aria-required="true"
            aria-invalid={errors.program ? true : undefined}
            aria-describedby={errors.program ? "program-error" : undefined}
            className="mb-4"
          >
            <legend className="mb-1 text-sm font-medium text-slate-800">
              Program
              <span className="ml-0.5 text-red-700" aria-hidden="true">
                *
              </span>
            </legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2 py-2">
              {PROGRAMS.map((p, i) => (
                <label key={p.id} className="flex items-center gap-2 text-slate-800">
                  {/* The first radio carries the field's id, so the error summary can link to it. */}
                  <input
                    type="radio"
                    id={i === 0 ? "program" : `program-${p.id}`}
                    name="program"
                    value={p.id}
                    defaultChecked={values.program === p.id}
                    onChange={() => setProgram(p.id)}
                    className="h-4 w-4"
                  />
                  {p.label}
                </label>
              ))}
            </div>
            {errors.program ? (
              <p id="program-error" className="mt-1 text-sm font-medium text-red-700">
                {errors.program}
              </p>
            ) : null}
          </fieldset>
          <SelectField id="state" name="state" label="State" required={stateRequired} hint="Required for Medicaid and Both." defaultValue={values.state ?? ""} error={errors.state}>
            <option value="">Choose a State</option>
            {US_STATES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
        </div>
      </Section>

      <Section title="NPI or Provider Details">
        <ProviderDetailsFields details={details} onChange={setDetails} errors={errors} selected={selected} onSelect={setSelected} />
      </Section>

      <Section title="Requestor Details">
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="firstName" name="firstName" label="First Name" required autoComplete="given-name" maxLength={100} defaultValue={values.firstName} error={errors.firstName} />
          <TextField id="lastName" name="lastName" label="Last Name" required autoComplete="family-name" maxLength={100} defaultValue={values.lastName} error={errors.lastName} />
          <TextField
            id="positionTitle"
            name="positionTitle"
            label="Position/Title"
            required
            autoComplete="organization-title"
            maxLength={100}
            defaultValue={values.positionTitle}
            error={errors.positionTitle}
          />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="email" name="email" label="Email" type="email" required autoComplete="email" maxLength={254} defaultValue={values.email} error={errors.email} />
          <TextField
            id="confirmEmail"
            name="confirmEmail"
            label="Confirm Email"
            type="email"
            required
            autoComplete="email"
            maxLength={254}
            defaultValue={values.confirmEmail}
            error={errors.confirmEmail}
          />
        </div>
        <PhoneNumberFields errors={errors} values={values} />
        <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      </Section>

      <HoneypotField />

      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel="Submitting…">
          Submit
        </SubmitButton>
        {/* A native reset without JavaScript; with it, every field and message is emptied. */}
        <Button
          type="reset"
          variant="secondary"
          onClick={(event) => {
            event.preventDefault();
            if (formRef.current) emptyForm(formRef.current);
            clear();
            setProgram("");
            setDetails({ npi: "", providerName: "", providerId: "" });
            setSelected(null);
            setReason("");
          }}
        >
          Reset
        </Button>
        <ButtonLink variant="secondary" href="/login">
          Back
        </ButtonLink>
      </div>
    </form>
  );
}
