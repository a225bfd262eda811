"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { submitAccessRequestAction } from "@/app/(public)/request-access/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button, ButtonLink } from "@/components/ui/button";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { describeRetry } from "@/lib/rate-limit/retry-wording";
import type { RegisteredProvider } from "@/lib/requests/directory";
import { accessRequestSchema, PROGRAMS, US_STATES, type AccessRequestInput } from "@/lib/requests/schemas";
import { AccessRequestConfirmation } from "./access-request-confirmation";
import { PHONE_PARTS, PhoneNumberFields } from "./phone-number-fields";
import { ProviderDetailsFields } from "./provider-details-fields";
import { ReasonField } from "./reason-field";

type AccessRequestValues = z.output<typeof accessRequestSchema>;

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

const EMPTY: AccessRequestInput = {
  program: "" as AccessRequestInput["program"],
  state: "",
  npi: "",
  providerId: "",
  providerName: "",
  firstName: "",
  lastName: "",
  positionTitle: "",
  email: "",
  confirmEmail: "",
  phoneArea: "",
  phonePrefix: "",
  phoneLine: "",
  phoneExtension: "",
  reason: "",
  website: "",
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

/** Request Access for New User (seed 000): Coverage & State, NPI or Provider, Requestor Details. */
export function RequestAccessForm({ initialNpi = "" }: { initialNpi?: string }) {
  const [submittedEmail, setSubmittedEmail] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [selected, setSelected] = useState<RegisteredProvider | null>(null);
  const { register, handleSubmit, formState, setError, setValue, watch, reset } = useForm<AccessRequestInput, unknown, AccessRequestValues>({
    resolver: zodResolver(accessRequestSchema),
    defaultValues: { ...EMPTY, npi: initialNpi },
  });
  const errors = messagesOf(formState.errors);
  const program = watch("program");
  const stateRequired = program === "medicaid" || program === "both";
  const reason = watch("reason") ?? "";

  const setProvider = (p: { id: string; npi: string; name: string }) => {
    setValue("providerId", p.id);
    setValue("npi", p.npi, { shouldValidate: formState.isSubmitted });
    setValue("providerName", p.name, { shouldValidate: formState.isSubmitted });
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => submitAccessRequestAction(values));
    if (result.ok) return setSubmittedEmail(values.email);
    if ("unexpected" in result) return setFormError(UNEXPECTED_ERROR);
    if ("rateLimited" in result) return setFormError(`Too many access requests from this network or for this email. Try again ${describeRetry(result.retryAfterMs)}.`);
    applyServerErrors(setError, result.fieldErrors);
  });

  if (submittedEmail) return <AccessRequestConfirmation email={submittedEmail} />;

  return (
    <form onSubmit={onSubmit} noValidate>
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
                  <input type="radio" id={i === 0 ? "program" : `program-${p.id}`} value={p.id} className="h-4 w-4" {...register("program")} />
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
          <SelectField id="state" label="State" required={stateRequired} hint="Required for Medicaid and Both." error={errors.state} {...register("state")}>
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
        <ProviderDetailsFields
          register={register}
          errors={errors}
          selected={selected}
          onChoose={(p) => {
            setSelected(p);
            setProvider(p);
          }}
          onForget={() => {
            setSelected(null);
            setValue("providerId", "");
          }}
          onClear={() => {
            setSelected(null);
            setProvider({ id: "", npi: "", name: "" });
          }}
        />
      </Section>

      <Section title="Requestor Details">
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="firstName" label="First Name" required autoComplete="given-name" maxLength={100} error={errors.firstName} {...register("firstName")} />
          <TextField id="lastName" label="Last Name" required autoComplete="family-name" maxLength={100} error={errors.lastName} {...register("lastName")} />
          <TextField id="positionTitle" label="Position/Title" required autoComplete="organization-title" maxLength={100} error={errors.positionTitle} {...register("positionTitle")} />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="email" label="Email" type="email" required autoComplete="email" maxLength={254} error={errors.email} {...register("email")} />
          <TextField id="confirmEmail" label="Confirm Email" type="email" required autoComplete="email" maxLength={254} error={errors.confirmEmail} {...register("confirmEmail")} />
        </div>
        <PhoneNumberFields register={register} errors={errors} />
        <ReasonField field={register("reason")} value={reason} error={errors.reason} />
      </Section>

      {/* Honeypot: hidden from people and assistive technology; naive bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
      </div>

      <div className="flex flex-wrap gap-3">
        <SubmitButton disabled={formState.isSubmitting}>{formState.isSubmitting ? "Submitting…" : "Submit"}</SubmitButton>
        <Button
          variant="secondary"
          onClick={() => {
            reset(EMPTY);
            setSelected(null);
            setFormError(null);
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
