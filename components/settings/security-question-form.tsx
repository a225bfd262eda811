"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { changeSecurityQuestionAction } from "@/app/(portal)/settings/security/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { SelectField, TextField } from "@/components/ui/field";
import { SECURITY_QUESTIONS } from "@/lib/auth/security-questions";

/** Change the security question and answer (recently verified sessions). Works without JavaScript. */
export function SecurityQuestionForm({ current }: { current: string }) {
  const router = useRouter();
  const { state, pending, errors, values, form } = useFormAction(changeSecurityQuestionAction);
  const answerRef = useRef<HTMLInputElement>(null);
  const done = state?.ok === true;
  useEffect(() => {
    if (state?.ok && answerRef.current) answerRef.current.value = "";
    if (state && "reverify" in state) router.refresh();
  }, [state, router]);
  return (
    <form {...form} className="max-w-md">
      <ErrorSummary errors={errors} labels={{ securityQuestion: "Security question", securityAnswer: "Security answer" }} />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          Your security question was changed.
        </p>
      ) : null}
      <SelectField id="securityQuestion" name="securityQuestion" label="Security question" required defaultValue={values.securityQuestion ?? current} error={errors.securityQuestion}>
        {SECURITY_QUESTIONS.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </SelectField>
      <TextField ref={answerRef} id="securityAnswer" name="securityAnswer" label="Security answer" required autoComplete="off" maxLength={100} error={errors.securityAnswer} />
      <SubmitButton pending={pending}>Change security question</SubmitButton>
    </form>
  );
}
