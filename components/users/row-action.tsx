"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, buttonClass, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogOpener, useAddressedDialog } from "@/components/ui/dialog";
import type { AskedConfirmation } from "./asked-confirmation";
import { useAnnounce } from "./status";

type Result = { ok: boolean; error?: string; reason?: string };

/** A confirmation asked in a real dialog (read by screen readers, reachable by keyboard), never window.confirm. */
export interface Confirmation {
  /** Names the question in the page's address (`?confirm=KEY&id=ID`), which opens it without JavaScript. */
  key: string;
  title: string;
  body: ReactNode;
  /** The button that does it; it repeats the action's name ("Make Admin", "Revoke User"). */
  confirmLabel: string;
  busyLabel: string;
  /** The button that does nothing (default "Cancel"). */
  dismissLabel?: string;
}

const FAILED = "That did not work. Refresh the page and try again.";

/**
 * A Manage Users row button (Make Admin, Revoke User, Restore User, Resend, Cancel): one server
 * action on the row's id (`idField`, `id`), posted as a form, so it works without JavaScript.
 * With a `confirm`ation the button first asks: with JavaScript in a dialog at once; without, it is
 * a GET form to `page?confirm=KEY&id=ID`, whose page renders the same dialog open (`asked`).
 * Success is said in the status region (which takes focus) and the page refreshes; a refusal is
 * announced beside the button. Without JavaScript the page comes back with the row as it now is
 * (a refusal in the dialog, still asked for in the address). Give each RowAction that can take
 * another's place in a row its own `key`, so it never inherits the other's answer.
 */
export function RowAction({
  action,
  idField,
  id,
  page,
  label,
  accessibleName,
  variant = "secondary",
  success,
  confirm,
  asked = null,
  failures,
}: {
  action: (state: Result | null, form: FormData) => Promise<Result>;
  idField: string;
  id: string;
  /** The tab's path, where a confirmation opens and closes. */
  page: string;
  label: string;
  accessibleName: string;
  variant?: ButtonVariant;
  success: string;
  confirm?: Confirmation;
  asked?: AskedConfirmation;
  failures: Record<string, string>;
}) {
  const router = useRouter();
  const announce = useAnnounce();
  const { state, pending, form } = useFormAction(action);
  const question = useAddressedDialog(confirm && asked?.key === confirm.key && asked.id === id ? true : null, page);
  const asking = question.open !== null;
  // Read when the answer comes, not reacted to: the row may re-render with new words meanwhile.
  const latest = useRef({ success, asked, page });
  latest.current = { success, asked, page };
  useEffect(() => {
    if (!state) return;
    question.show(null);
    if (state.ok) announce(latest.current.success);
    // Asked for in the address: leave the tab's plain address behind (which refreshes it too).
    if (state.ok && latest.current.asked) router.replace(latest.current.page, { scroll: false });
    else router.refresh();
  }, [state, announce, router]);
  const failure = state && !state.ok ? failures[state.error ?? state.reason ?? ""] ?? FAILED : null;

  const actionForm = (button: ReactNode) => (
    <form {...form}>
      <input type="hidden" name={idField} value={id} />
      {/* Without JavaScript, success goes back to the tab's plain address (not one asking a question). */}
      <input type="hidden" name="returnTo" value={page} />
      {button}
    </form>
  );
  const ask = () => {
    announce(null);
    question.show(true);
  };

  return (
    <span className="inline-flex flex-col items-start">
      {confirm ? (
        <DialogOpener page={page} params={{ confirm: confirm.key, id }} onOpen={ask} variant={variant} label={accessibleName}>
          {label}
        </DialogOpener>
      ) : (
        actionForm(
          <SubmitButton variant={variant} aria-label={accessibleName} pending={pending}>
            {label}
          </SubmitButton>,
        )
      )}
      {failure && !asking ? (
        <span role="alert" className="mt-1 text-sm font-medium text-red-700">
          {failure}
        </span>
      ) : null}
      {confirm && asking ? (
        <ConfirmDialog confirm={confirm} busy={pending} failure={failure} page={page} onDismiss={question.close}>
          {actionForm(
            <SubmitButton variant={variant === "danger" ? "danger" : "primary"} pending={pending} pendingLabel={confirm.busyLabel}>
              {confirm.confirmLabel}
            </SubmitButton>,
          )}
        </ConfirmDialog>
      ) : null}
    </span>
  );
}

/**
 * The question, as an alert dialog portalled to the body (inside a row's cell it would be read as
 * part of the table; rendered by the server, before a portal can exist, it stays in place). Focus
 * starts on the button that does nothing, so pressing Enter twice never does what was only asked
 * about. `children`: the form that does it.
 */
function ConfirmDialog({
  confirm,
  busy,
  failure,
  page,
  onDismiss,
  children,
}: {
  confirm: Confirmation;
  busy: boolean;
  failure: string | null;
  page: string;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const bodyId = useId();
  const hydrated = useHydrated();
  const dismissLabel = confirm.dismissLabel ?? "Cancel";
  const dialog = (
    <Dialog title={confirm.title} onClose={() => !busy && onDismiss()} closeHref={page} alert describedBy={bodyId} initialFocus="[data-dismiss]">
      <div id={bodyId} className="mb-4 text-slate-800">
        {confirm.body}
      </div>
      {failure ? (
        <p role="alert" className="mb-4 font-medium text-red-700">
          {failure}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {children}
        {hydrated ? (
          <Button variant="secondary" data-dismiss onClick={() => !busy && onDismiss()}>
            {dismissLabel}
          </Button>
        ) : (
          <a href={page} data-dismiss className={buttonClass("secondary")}>
            {dismissLabel}
          </a>
        )}
      </div>
    </Dialog>
  );
  return hydrated ? createPortal(dialog, document.body) : dialog;
}
