"use client";

import { TextField } from "@/components/ui/field";
import { PASSWORD_MAX } from "@/lib/auth/password-rules";
import { PasswordChecklist } from "./password-checklist";

/**
 * New password, its live rule checklist, and the confirmation: the same pair wherever a password
 * is chosen anew (reset link, security settings). The caller keeps the typed password, so it can
 * clear the checklist after a change.
 */
export function NewPasswordFields({
  email,
  password,
  onPasswordChange,
  errors,
  rulesId,
}: {
  email: string;
  password: string;
  onPasswordChange: (password: string) => void;
  errors: Record<string, string | undefined>;
  rulesId: string;
}) {
  return (
    <>
      <TextField
        id="password"
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        onChange={(e) => onPasswordChange(e.target.value)}
        error={errors.password}
        aria-describedby={rulesId}
      />
      <PasswordChecklist id={rulesId} password={password} email={email} />
      <TextField id="confirmPassword" name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} error={errors.confirmPassword} />
    </>
  );
}
