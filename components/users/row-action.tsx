"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useAnnounce } from "./status";

type Result = { ok: boolean; error?: string; reason?: string };

/** A confirmation asked in a real dialog (read by screen readers, reachable by keyboard), never window.confirm. */
export interface Confirmation {
  title: string;
  body: ReactNode;
  /** The button that does it; it repeats the action's name ("Make Admin", "Revoke User"). */
  confirmLabel: string;
  busyLabel: string;
  /** The button that does nothing (default "Cancel"). */
  dismissLabel?: string;
}

/**
 * A Manage Users row button (Make Admin, Revoke User, Restore User, Resend, Cancel): optionally
 * confirmed first, then one server action; success is said in the status region (which takes
 * focus) and the page refreshes; a refusal is announced beside the button.
 */
export function RowAction({
  action,
  label,
  accessibleName,
  variant = "secondary",
  success,
  confirm,
  failures,
}: {
  action: () => Promise<Result>;
  label: string;
  accessibleName: string;
  variant?: ButtonVariant;
  success: string;
  confirm?: Confirmation;
  failures: Record<string, string>;
}) {
  const router = useRouter();
  const announce = useAnnounce();
  const hydrated = useHydrated();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    announce(null);
    const r = await callAction(action);
    setBusy(false);
    setAsking(false);
    if ("unexpected" in r) return setFailure(UNEXPECTED_ERROR);
    if (!r.ok) return setFailure(failures[r.error ?? r.reason ?? ""] ?? "That did not work. Refresh the page and try again.");
    announce(success);
    router.refresh();
  };

  return (
    <span className="inline-flex flex-col items-start">
      {/* aria-disabled while busy, not disabled: a disabled button drops focus to <body>. */}
      <Button variant={variant} disabled={!hydrated} aria-disabled={busy || undefined} aria-label={accessibleName} onClick={() => (busy ? undefined : confirm ? setAsking(true) : void run())}>
        {label}
      </Button>
      {failure ? (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {failure}
        </span>
      ) : null}
      {confirm && asking ? <ConfirmDialog confirm={confirm} danger={variant === "danger"} busy={busy} onConfirm={() => void run()} onDismiss={() => setAsking(false)} /> : null}
    </span>
  );
}

/**
 * The question, as an alert dialog portalled to the body (inside a row's cell it would be read as
 * part of the table). Focus starts on the button that does nothing, so pressing Enter twice never
 * does what was only asked about.
 */
function ConfirmDialog({ confirm, danger, busy, onConfirm, onDismiss }: { confirm: Confirmation; danger: boolean; busy: boolean; onConfirm: () => void; onDismiss: () => void }) {
  const bodyId = useId();
  return createPortal(
    <Dialog title={confirm.title} onClose={() => !busy && onDismiss()} alert describedBy={bodyId} initialFocus="[data-dismiss]">
      <div id={bodyId} className="mb-4 text-slate-800">
        {confirm.body}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button variant={danger ? "danger" : "primary"} disabled={busy} onClick={onConfirm}>
          {busy ? confirm.busyLabel : confirm.confirmLabel}
        </Button>
        <Button variant="secondary" data-dismiss disabled={busy} onClick={onDismiss}>
          {confirm.dismissLabel ?? "Cancel"}
        </Button>
      </div>
    </Dialog>,
    document.body,
  );
}
