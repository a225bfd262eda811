"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { reverifyAction } from "@/app/(portal)/settings/security/actions";
import { callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** "Confirm it's you" before security settings, when the last verification is over 10 minutes old. */
export function ReverifyForm() {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!password) return setError("Enter your password");
        const r = await callAction(() => reverifyAction({ password }));
        if ("unexpected" in r) return setError(UNEXPECTED_ERROR);
        if (!r.ok) return setError(r.fieldErrors.password);
        router.refresh();
      }}
      className="max-w-sm"
    >
      <TextField id="reverify-password" label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={error} />
      <SubmitButton>Confirm</SubmitButton>
    </form>
  );
}
