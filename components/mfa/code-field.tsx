import { TextField } from "@/components/ui/field";

/** The 6-digit code input: numeric keyboard, one-time-code autofill; its name is its id. */
export function CodeField({ id = "code", label = "Verification code", value, onChange, error, hint }: { id?: string; label?: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  return (
    <TextField
      id={id}
      name={id}
      label={label}
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, "").slice(0, 6))}
      error={error}
      hint={hint}
      className="mb-4 max-w-xs"
    />
  );
}
