"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { registerAction } from "@/app/(public)/register/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { RequiredNote } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { PASSWORD_MAX } from "@/lib/auth/password-rules";
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

/** Create Account. `invitedEmail`: reached from an invitation, the account is for that email, shown fixed. */
export function RegisterForm({ invitedEmail }: { invitedEmail?: string }) {
  const { state, pending, errors, values, form } = useFormAction(registerAction);
  const [email, setEmail] = useState(invitedEmail ?? values.email ?? "");
  const [password, setPassword] = useState("");
  const doneRef = useRef<HTMLHeadingElement>(null);
  const done = state?.ok === true;
  const rateLimited = state && "rateLimited" in state;

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

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
    <form {...form}>
      <ErrorSummary errors={errors} labels={LABELS} formError={rateLimited ? "Too many registrations from this network. Try again later." : null} />
      <RequiredNote />
      {invitedEmail ? (
        <TextField
          id="email"
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          readOnly
          value={invitedEmail}
          hint="The email your invitation was sent to: your account is created for it, and you will sign in with it."
        />
      ) : (
        <TextField
          id="email"
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={values.email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          hint="You will sign in with this email, and we send the activation link to it."
        />
      )}
      <TextField
        id="password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        aria-describedby="password-rules"
      />
      <PasswordChecklist id="password-rules" password={password} email={email} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField id="firstName" name="firstName" label="First name" autoComplete="given-name" required maxLength={100} defaultValue={values.firstName} error={errors.firstName} />
        <TextField id="lastName" name="lastName" label="Last name" autoComplete="family-name" required maxLength={100} defaultValue={values.lastName} error={errors.lastName} />
      </div>
      <SelectField id="securityQuestion" name="securityQuestion" label="Security question" required defaultValue={values.securityQuestion ?? ""} error={errors.securityQuestion}>
        <option value="">Choose a question</option>
        {SECURITY_QUESTIONS.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </SelectField>
      <TextField
        id="securityAnswer"
        name="securityAnswer"
        label="Security answer"
        autoComplete="off"
        required
        maxLength={100}
        hint="Keep it handy: support may ask it to confirm who you are."
        error={errors.securityAnswer}
      />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Registering…">
        Register
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
