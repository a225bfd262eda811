"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changePasswordAction } from "@/app/(portal)/settings/security/actions";
import { PasswordChecklist } from "@/components/auth/password-checklist";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/auth/schemas";

type Values = z.input<typeof changePasswordSchema>;

export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, watch, reset } = useForm<Values>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
  });
  const errors = messagesOf(formState.errors);
  const onSubmit = handleSubmit(async (values) => {
    setDone(false);
    setFormError(null);
    const r = await callAction(() => changePasswordAction(values));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if ("reverify" in r) return router.refresh();
    if (!r.ok) return applyServerErrors(setError, r.fieldErrors);
    reset();
    setDone(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md">
      <ErrorSummary errors={errors} labels={{ currentPassword: "Current password", password: "New password", confirmPassword: "Confirm new password" }} formError={formError} />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          Your password was changed. Your other sessions were signed out.
        </p>
      ) : null}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField id="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={errors.currentPassword} {...register("currentPassword")} />
      <TextField id="password" label="New password" type="password" autoComplete="new-password" required maxLength={128} error={errors.password} aria-describedby="new-password-rules" {...register("password")} />
      <PasswordChecklist id="new-password-rules" password={watch("password") ?? ""} email={email} />
      <TextField id="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required error={errors.confirmPassword} {...register("confirmPassword")} />
      <SubmitButton disabled={formState.isSubmitting}>
        Change password
      </SubmitButton>
    </form>
  );
}
