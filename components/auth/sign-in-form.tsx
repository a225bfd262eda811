"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInSchema } from "@/lib/auth/schemas";

type Values = { email: string; password: string };

/** What each sign-in error code from lib/next/auth-options.ts means to a person. */
function messageFor(code: string): { text: string; resend?: boolean } {
  if (code === "locked") {
    return { text: "Your account is locked because of too many failed sign-in attempts. Reset your password with Forgot Password?, or wait 24 hours and try again." };
  }
  if (code === "not_activated") {
    return { text: "Your account is not activated yet. Open the Activate Account link in the email we sent you.", resend: true };
  }
  if (code.startsWith("rate_limited")) {
    const seconds = Number(code.split(":")[1] ?? 60);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return { text: `Too many sign-in attempts. Try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.` };
  }
  if (code === "invalid" || code === "CredentialsSignin") return { text: "The email or password is incorrect." };
  return { text: UNEXPECTED_ERROR };
}

export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<{ text: string; resend?: boolean } | null>(null);
  const { register, handleSubmit, formState, getValues } = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const errors = messagesOf(formState.errors);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const res = await signIn("credentials", { redirect: false, email: values.email, password: values.password });
    if (res?.ok && !res.error) {
      router.replace(next && next.startsWith("/") && !next.startsWith("//") ? next : "/home");
      router.refresh();
      return;
    }
    setFailure(messageFor(res?.error ?? "invalid"));
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="terms">
      <ErrorSummary errors={errors} labels={{ email: "Email", password: "Password" }} formError={failure?.text} />
      {failure?.resend ? (
        <p className="-mt-2 mb-4">
          <Link className="text-brand-700 underline" href={`/resend-activation?email=${encodeURIComponent(getValues("email"))}`}>
            Resend activation email
          </Link>
        </p>
      ) : null}
      <TextField id="email" label="Email" type="email" autoComplete="username" required error={errors.email} {...register("email")} />
      <TextField id="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} {...register("password")} />
      <p id="terms" className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        This system is for authorized use by providers and their staff. By selecting Accept &amp; Login you agree to the terms of use: activity is
        monitored and recorded, and protected health information you see must be used only as the law allows.
      </p>
      <SubmitButton className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : "Accept & Login"}
      </SubmitButton>
    </form>
  );
}
