"use client";

import { Alert } from "@/components/ui/alert";
import { FormCard } from "@/components/ui/card";

/** A page that failed: no stack trace, only a reference that ties this page to the log line. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <FormCard title="Something went wrong" intro="Nothing you entered was lost on our side; try again in a moment.">
      <Alert tone="warning">
        If it keeps happening, call support and give them this reference: <strong>{error.digest ?? "none"}</strong>
      </Alert>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Try again
      </button>
    </FormCard>
  );
}
