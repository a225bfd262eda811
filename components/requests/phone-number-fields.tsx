"use client";

import { controlClass, TextField } from "@/components/ui/field";

export const PHONE_PARTS = ["phoneArea", "phonePrefix", "phoneLine"] as const;

const PARTS = [
  { name: "phoneArea", label: "Phone number area code", length: 3, autoComplete: "tel-area-code", width: "w-14 sm:w-20" },
  { name: "phonePrefix", label: "Phone number prefix", length: 3, autoComplete: "tel-local-prefix", width: "w-14 sm:w-20" },
  { name: "phoneLine", label: "Phone number line number", length: 4, autoComplete: "tel-local-suffix", width: "w-[4.5rem] sm:w-24" },
] as const;

/** Phone Number as 3-3-4 digits, one labelled input each, one error for the group; then Extn. `values`: what was typed, echoed by the server. */
export function PhoneNumberFields({ errors, values }: { errors: Record<string, string | undefined>; values: Record<string, string | undefined> }) {
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
        {/* Narrower boxes on a phone: the three fit a 320 px screen without scrolling sideways. */}
        <div className="flex items-center gap-1.5 sm:gap-2">
          {PARTS.map((part, i) => (
            <div key={part.name} className="flex items-center gap-1.5 sm:gap-2">
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
                  name={part.name}
                  defaultValue={values[part.name]}
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
        name="phoneExtension"
        defaultValue={values.phoneExtension}
      />
    </div>
  );
}
