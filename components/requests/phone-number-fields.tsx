"use client";

import type { UseFormRegister } from "react-hook-form";
import { controlClass, TextField } from "@/components/ui/field";
import type { AccessRequestInput } from "@/lib/requests/schemas";

export const PHONE_PARTS = ["phoneArea", "phonePrefix", "phoneLine"] as const;

const PARTS = [
  { name: "phoneArea", label: "Phone number area code", length: 3, autoComplete: "tel-area-code", width: "w-20" },
  { name: "phonePrefix", label: "Phone number prefix", length: 3, autoComplete: "tel-local-prefix", width: "w-20" },
  { name: "phoneLine", label: "Phone number line number", length: 4, autoComplete: "tel-local-suffix", width: "w-24" },
] as const;

/** Phone Number as 3-3-4 digits, one labelled input each, one error for the group; then Extn. */
export function PhoneNumberFields({ register, errors }: { register: UseFormRegister<AccessRequestInput>; errors: Record<string, string | undefined> }) {
  const error = errors.phoneArea ?? errors.phonePrefix ?? errors.phoneLine;
  return (
    <div className="flex flex-wrap items-start gap-x-6">
      <fieldset className="mb-4" aria-describedby={error ? "phone-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">
          Phone Number
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        </legend>
        <div className="flex items-center gap-2">
          {PARTS.map((part, i) => (
            <div key={part.name} className="flex items-center gap-2">
              {i > 0 ? <span aria-hidden="true">-</span> : null}
              <div className={part.width}>
                <label htmlFor={part.name} className="sr-only">
                  {part.label}
                </label>
                <input
                  id={part.name}
                  type="text"
                  inputMode="numeric"
                  autoComplete={part.autoComplete}
                  maxLength={part.length}
                  aria-required="true"
                  aria-invalid={errors[part.name] ? true : undefined}
                  aria-describedby={error ? "phone-error" : undefined}
                  className={controlClass}
                  {...register(part.name)}
                />
              </div>
            </div>
          ))}
        </div>
        {error ? (
          <p id="phone-error" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <TextField
        id="phoneExtension"
        label="Extn"
        className="mb-4 w-28"
        inputMode="numeric"
        autoComplete="tel-extension"
        maxLength={6}
        error={errors.phoneExtension}
        {...register("phoneExtension")}
      />
    </div>
  );
}
