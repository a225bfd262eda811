"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { resetPasswordAction } from "@/app/(public)/reset-password/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { PasswordChecklist } from "./password-checklist";

type Values = z.input<typeof resetPasswordSchema>;

const LINK_MESSAGES = {
  expired: "This reset link has expired. Links work for 1 hour.",
  used: "This reset link was already used, or a newer one was sent.",
  invalid: "This reset link is not valid.",
};

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm<Values>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
  });
  const errors = messagesOf(formState.errors);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => resetPasswordAction(values));
    if (result.ok) return router.replace("/login?reset=1");
    if ("unexpected" in result) return setFormError(UNEXPECTED_ERROR);
    if ("link" in result) return setLinkProblem(LINK_MESSAGES[result.link]);
    applyServerErrors(setError, result.fieldErrors);
  });

  if (linkProblem) {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900">
        <p className="font-semibold">{linkProblem}</p>
        <p className="mt-2">
          <Link href="/forgot-password" className="underline">
            Get a new reset link
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} labels={{ password: "New password", confirmPassword: "Confirm new password" }} formError={formError} />
      <input type="hidden" {...register("token")} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField id="password" label="New password" type="password" autoComplete="new-password" required maxLength={128} error={errors.password} aria-describedby="password-rules" {...register("password")} />
      <PasswordChecklist id="password-rules" password={watch("password") ?? ""} email={email} />
      <TextField id="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required maxLength={128} error={errors.confirmPassword} {...register("confirmPassword")} />
      <SubmitButton className="w-full" disabled={formState.isSubmitting}>
        Reset password
      </SubmitButton>
    </form>
  );
}
