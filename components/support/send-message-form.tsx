"use client";

import Link from "next/link";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SentConfirmation } from "@/components/forms/sent-confirmation";
import { HoneypotField } from "@/components/forms/honeypot-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { describeRetry } from "@/lib/rate-limit/retry-wording";
import type { SupportMessageResult } from "@/lib/support/send-message";
import { SUPPORT_MESSAGE_MAX, SUPPORT_TOPICS } from "@/lib/support/policy";

const LABELS = { name: "Name", email: "Email", phone: "Phone Number", topic: "Topic", message: "Message" };

/** Send Message: a short note to the support desk. Works without JavaScript. */
export function SendMessageForm({ action }: { action: (state: SupportMessageResult | null, form: FormData) => Promise<SupportMessageResult> }) {
  const { state, pending, errors, values, form } = useFormAction(action);
  const sent = state?.ok === true;

  if (sent) return <SentConfirmation>Your message was sent to our support team. We answer by email or phone within 2 business days.</SentConfirmation>;
  const formError = state && "rateLimited" in state ? `Too many messages from this network or this email. Try again ${describeRetry(state.retryAfterMs)}.` : null;
  return (
    <form {...form}>
      <ErrorSummary errors={errors} labels={LABELS} formError={formError} />
      <RequiredNote />
      <TextField id="name" name="name" label="Name" required autoComplete="name" maxLength={100} defaultValue={values.name ?? ""} error={errors.name} />
      <TextField id="email" name="email" label="Email" type="email" required autoComplete="email" maxLength={254} defaultValue={values.email ?? ""} error={errors.email} />
      <TextField id="phone" name="phone" label="Phone Number" type="tel" autoComplete="tel" maxLength={30} hint="Optional: if you would rather we call you." defaultValue={values.phone ?? ""} error={errors.phone} />
      <SelectField id="topic" name="topic" label="Topic" required defaultValue={values.topic ?? ""} error={errors.topic}>
        <option value="">Choose a topic</option>
        {SUPPORT_TOPICS.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="message"
        name="message"
        label="Message"
        required
        rows={6}
        hint={`Maximum ${SUPPORT_MESSAGE_MAX} characters. Do not include member health information.`}
        defaultValue={values.message ?? ""}
        error={errors.message}
      />
      <HoneypotField />
      <SubmitButton className="w-full" pending={pending}>
        Send Message
      </SubmitButton>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
