"use client";

import { useEffect, useRef } from "react";

/**
 * Announced (role="alert") and focused after a failed submit, listing each error with a link
 * to its field, as GOV.UK-style error summaries do. Forms that re-check fields as the person types
 * (react-hook-form after a submit) pass `submitCount`, so the summary takes focus when a submit
 * fails, not at each keystroke that changes a message (which would pull the person out of the field).
 */
export function ErrorSummary({
  errors,
  labels,
  formError,
  submitCount,
}: {
  errors: Record<string, string | undefined>;
  labels: Record<string, string>;
  formError?: string | null;
  submitCount?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([, m]) => m);
  const visible = entries.length > 0 || !!formError;
  const key = `${formError ?? ""}|${entries.map(([k, m]) => `${k}:${m}`).join(",")}`;
  const trigger = submitCount === undefined ? key : `${submitCount}|${formError ?? ""}`;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, trigger]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900 focus:outline-none focus:ring-2 focus:ring-red-700">
      {formError ? <p className="font-semibold">{formError}</p> : null}
      {entries.length > 0 ? (
        <>
          <p className="font-semibold">{entries.length === 1 ? "There is a problem with 1 field:" : `There are problems with ${entries.length} fields:`}</p>
          <ul className="mt-1 list-disc pl-5">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`} className="underline">
                  {labels[field] ?? field}: {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
