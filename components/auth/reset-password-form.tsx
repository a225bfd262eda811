"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { resetPasswordAction } from "@/app/(public)/reset-password/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { NewPasswordFields } from "./new-password-fields";

const LINK_MESSAGES = {
  expired: "This reset link has expired. Links work for 1 hour.",
  used: "This reset link was already used, or a newer one was sent.",
  invalid: "This reset link is not valid.",
};

/** A new password from the emailed link; the action sends the person to sign in when it is set. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, pending, errors, form } = useFormAction(resetPasswordAction);
  const [password, setPassword] = useState("");
  const problemRef = useRef<HTMLDivElement>(null);
  const linkProblem = state && "link" in state ? LINK_MESSAGES[state.link] : null;
  useEffect(() => {
    if (linkProblem) problemRef.current?.focus();
  }, [linkProblem]);

  if (linkProblem) {
    return (
      <div ref={problemRef} tabIndex={-1} role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900 focus:outline-none">
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
    <form {...form}>
      <ErrorSummary errors={errors} labels={{ password: "New password", confirmPassword: "Confirm new password" }} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <NewPasswordFields email={email} password={password} onPasswordChange={setPassword} errors={errors} rulesId="password-rules" />
      <SubmitButton className="w-full" pending={pending}>
        Reset password
      </SubmitButton>
    </form>
  );
}
