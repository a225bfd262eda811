"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changeSecurityQuestionAction } from "@/app/(portal)/settings/security/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { securityQuestionSchema } from "@/lib/auth/schemas";
import { SECURITY_QUESTIONS } from "@/lib/auth/security-questions";

type Values = z.input<typeof securityQuestionSchema>;

export function SecurityQuestionForm({ current }: { current: string }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: zodResolver(securityQuestionSchema),
    defaultValues: { securityQuestion: current as Values["securityQuestion"], securityAnswer: "" },
  });
  const errors = messagesOf(formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setDone(false);
    setFormError(null);
    const r = await callAction(() => changeSecurityQuestionAction(values));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if ("reverify" in r) return router.refresh();
    if (!r.ok) return applyServerErrors(setError, r.fieldErrors);
    reset({ securityQuestion: values.securityQuestion, securityAnswer: "" });
    setDone(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md">
      <ErrorSummary errors={errors} labels={{ securityQuestion: "Security question", securityAnswer: "Security answer" }} formError={formError} />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          Your security question was changed.
        </p>
      ) : null}
      <SelectField id="securityQuestion" label="Security question" required error={errors.securityQuestion} {...register("securityQuestion")}>
        {SECURITY_QUESTIONS.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </SelectField>
      <TextField id="securityAnswer" label="Security answer" required autoComplete="off" maxLength={100} error={errors.securityAnswer} {...register("securityAnswer")} />
      <SubmitButton disabled={formState.isSubmitting}>
        Change security question
      </SubmitButton>
    </form>
  );
}
