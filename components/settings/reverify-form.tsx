"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { reverifyAction } from "@/app/(portal)/settings/security/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/ui/field";

/**
 * "Confirm it's you" before security settings (or adding a verification method), when the last
 * verification is over 10 minutes old. Without JavaScript the post renders the page again, now
 * past this step; with it, the page is refreshed.
 */
export function ReverifyForm() {
  const router = useRouter();
  const { state, pending, errors, form } = useFormAction(reverifyAction, (data) => (data.get("password") ? {} : { password: "Enter your password" }));
  const confirmed = state?.ok === true;
  useEffect(() => {
    if (confirmed) router.refresh();
  }, [confirmed, router]);
  return (
    <form {...form} className="max-w-sm">
      <TextField id="reverify-password" name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
      <SubmitButton pending={pending}>Confirm</SubmitButton>
    </form>
  );
}
