"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { registerAction } from "@/app/(public)/register/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { registerSchema, type RegisterInput } from "@/lib/auth/schemas";
import { SECURITY_QUESTIONS } from "@/lib/auth/security-questions";
import { PasswordChecklist } from "./password-checklist";

const LABELS = {
  email: "Email",
  password: "Password",
  firstName: "First name",
  lastName: "Last name",
  securityQuestion: "Security question",
  securityAnswer: "Security answer",
};

export function RegisterForm() {
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm<RegisterInput>({
    resolver: zodResolver(registerSchema),
    defaultValues: { email: "", password: "", firstName: "", lastName: "", securityQuestion: "" as RegisterInput["securityQuestion"], securityAnswer: "" },
  });
  const errors = messagesOf(formState.errors);
  const password = watch("password") ?? "";
  const email = watch("email") ?? "";

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => registerAction(values));
    if (result.ok) return setDone(true);
    if ("unexpected" in result) return setFormError(UNEXPECTED_ERROR);
    if ("rateLimited" in result) return setFormError("Too many registrations from this network. Try again later.");
    applyServerErrors(setError, result.fieldErrors);
  });

  if (done) {
    return (
      <div role="status" className="rounded-md bg-brand-50 p-6 text-center">
        <h2 ref={doneRef} tabIndex={-1} className="text-xl font-semibold text-brand-800 focus:outline-none">
          Verification email sent. To finish signing in, check your email.
        </h2>
        <p className="mt-2 text-slate-700">Open the Activate Account link in the email. If it is not in your inbox, check your spam folder.</p>
        <p className="mt-4">
          <Link href="/login" className="text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={LABELS} formError={formError} />
      <RequiredNote />
      <TextField id="email" label="Email" type="email" autoComplete="email" required maxLength={254} error={errors.email} hint="You will sign in with this email, and we send the activation link to it." {...register("email")} />
      <TextField id="password" label="Password" type="password" autoComplete="new-password" required maxLength={128} error={errors.password} aria-describedby="password-rules" {...register("password")} />
      <PasswordChecklist id="password-rules" password={password} email={email} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField id="firstName" label="First name" autoComplete="given-name" required maxLength={100} error={errors.firstName} {...register("firstName")} />
        <TextField id="lastName" label="Last name" autoComplete="family-name" required maxLength={100} error={errors.lastName} {...register("lastName")} />
      </div>
      <SelectField id="securityQuestion" label="Security question" required error={errors.securityQuestion} {...register("securityQuestion")}>
        <option value="">Choose a question</option>
        {SECURITY_QUESTIONS.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </SelectField>
      <TextField
        id="securityAnswer"
        label="Security answer"
        autoComplete="off"
        required
        maxLength={100}
        hint="Keep it handy: support may ask it to confirm who you are."
        error={errors.securityAnswer}
        {...register("securityAnswer")}
      />
      <SubmitButton className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Registering…" : "Register"}
      </SubmitButton>
      <p className="mt-4 flex justify-between text-sm">
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
        <Link href="/register/instructions" className="text-brand-700 underline">
          Registration Instructions
        </Link>
      </p>
    </form>
  );
}
