"use client";

import { useEffect, useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { REASON_MAX } from "@/lib/requests/policy";

function countText(length: number): string {
  const over = length - REASON_MAX;
  return `${length} of ${REASON_MAX} characters${over > 0 ? ` (${over} too many)` : ""}`;
}

/**
 * Reason for requesting access with a live counter. No maxLength: a longer text is shown in red
 * and refused with the schema's message. Screen readers hear the count once typing pauses
 * (announcing every keystroke would drown out the typing).
 */
export function ReasonField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const length = value.length;
  const text = countText(length);
  const [spoken, setSpoken] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(length ? text : ""), 750);
    return () => clearTimeout(timer);
  }, [length, text]);

  return (
    <>
      <TextAreaField
        id="reason"
        label="Reason for requesting access"
        required
        rows={5}
        className="mb-1"
        hint={`Maximum ${REASON_MAX} characters.`}
        error={error}
        name="reason"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id="reason-count" aria-hidden="true" className={`mb-4 text-sm ${length > REASON_MAX ? "font-semibold text-red-700" : "text-slate-600"}`}>
        {text}
      </p>
      <p className="sr-only" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}
