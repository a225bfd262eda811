"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { changePasswordAction } from "@/app/(portal)/settings/security/actions";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/ui/field";

/** Change password (recently verified sessions); the other sessions are signed out. Works without JavaScript. */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const { state, pending, errors, form } = useFormAction(changePasswordAction);
  const [password, setPassword] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const done = state?.ok === true;
  // Each answer once: a change empties the fields; a change or a stale password refreshes the page.
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      setPassword("");
    }
    if (state?.ok || (state && "reverify" in state)) router.refresh();
  }, [state, router]);
  return (
    <form ref={formRef} {...form} className="max-w-md">
      <ErrorSummary errors={errors} labels={{ currentPassword: "Current password", password: "New password", confirmPassword: "Confirm new password" }} />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          Your password was changed. Your other sessions were signed out.
        </p>
      ) : null}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField id="currentPassword" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <NewPasswordFields email={email} password={password} onPasswordChange={setPassword} errors={errors} rulesId="new-password-rules" />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
