"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, type ButtonVariant } from "@/components/ui/button";

type Result = { ok: boolean; reverify?: boolean; error?: string; reason?: string };

/** One click, one server action, then the page refreshes; failures are announced beside the button. */
export function ActionButton({
  action,
  label,
  variant = "secondary",
  confirm,
  failures = {},
  after,
  accessibleName,
}: {
  action: () => Promise<Result>;
  label: string;
  variant?: ButtonVariant;
  confirm?: string;
  failures?: Record<string, string>;
  after?: string;
  accessibleName?: string;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <span className="inline-flex flex-col items-start">
      <Button
        variant={variant}
        disabled={busy || !hydrated}
        aria-label={accessibleName}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          setBusy(true);
          setMessage(null);
          const r = await callAction(action);
          setBusy(false);
          if ("unexpected" in r) return setMessage(UNEXPECTED_ERROR);
          if (r.reverify) {
            router.refresh();
            return setMessage("Confirm your password first.");
          }
          const why = r.error ?? r.reason;
          if (!r.ok) return setMessage((why && failures[why]) || "That did not work. Refresh the page and try again.");
          if (after) router.replace(after);
          router.refresh();
        }}
      >
        {label}
      </Button>
      {message ? (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {message}
        </span>
      ) : null}
    </span>
  );
}
