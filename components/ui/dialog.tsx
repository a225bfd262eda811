"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button, buttonClass, type ButtonVariant } from "./button";

/**
 * A modal dialog: role="dialog", aria-modal, labelled by its title; focus moves to the first field
 * when it opens, Tab stays inside, Escape closes, and focus returns to what opened it.
 * `alert` makes it role="alertdialog" (an urgent message that needs an answer, announced as it
 * opens), and `describedBy` names the element whose text is read with the title. `initialFocus`
 * (a selector inside the dialog) picks where focus starts instead of the first field, e.g. not on
 * a choice one keystroke away from something the person did not mean to do.
 *
 * A dialog the server can render open (its page was asked for it in the URL, so it works without
 * JavaScript) passes `closeHref`: Close is then a link there, which JavaScript turns into `onClose`.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  alert = false,
  describedBy,
  initialFocus,
  closeHref,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  alert?: boolean;
  describedBy?: string;
  initialFocus?: string;
  closeHref?: string;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first =
      (initialFocus ? ref.current?.querySelector<HTMLElement>(initialFocus) : null) ?? ref.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button:not([data-close])");
    (first ?? ref.current)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        closeRef.current();
      } else if (e.key === "Tab" && ref.current) {
        const items = Array.from(
          ref.current.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])"),
        );
        if (!items.length) return;
        const firstItem = items[0]!;
        const lastItem = items[items.length - 1]!;
        if (e.shiftKey && document.activeElement === firstItem) {
          e.preventDefault();
          lastItem.focus();
        } else if (!e.shiftKey && document.activeElement === lastItem) {
          e.preventDefault();
          firstItem.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      opener?.focus?.();
    };
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/50 p-4">
      <div
        ref={ref}
        role={alert ? "alertdialog" : "dialog"}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={`mt-8 w-full ${wide ? "max-w-3xl" : "max-w-xl"} rounded-lg bg-white p-6 shadow-xl focus:outline-none`}
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-xl font-semibold text-brand-800">
            {title}
          </h2>
          {closeHref ? (
            <a href={closeHref} data-close onClick={closeInstead(onClose)} className={CLOSE_CLASS} aria-label="Close">
              ×
            </a>
          ) : (
            <button type="button" data-close onClick={onClose} className={CLOSE_CLASS} aria-label="Close">
              ×
            </button>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}

const CLOSE_CLASS = "rounded px-2 text-2xl leading-none text-slate-700 hover:bg-slate-100";

/** A link's click handled in the page instead (the link is for browsers without JavaScript). */
const closeInstead = (close: () => void) => (event: MouseEvent<HTMLAnchorElement>) => {
  event.preventDefault();
  close();
};

/** A dialog form's submit button (its label changes while submitting) and Cancel (a link to `cancelHref` when given, as Close). */
export function DialogFormButtons({
  label,
  busyLabel,
  busy,
  onCancel,
  cancelHref,
  variant,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  onCancel: () => void;
  cancelHref?: string;
  variant?: "primary" | "danger";
}) {
  return (
    <div className="flex gap-3">
      <SubmitButton variant={variant} disabled={busy}>
        {busy ? busyLabel : label}
      </SubmitButton>
      {cancelHref ? (
        <a href={cancelHref} onClick={closeInstead(onCancel)} className={buttonClass("secondary")}>
          Cancel
        </a>
      ) : (
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}

/**
 * Which dialog is open, where the page's address can ask for one: `fromAddress` is what the server
 * rendered open (null if nothing was asked). `show` opens one at once (null hides it); `close`
 * also leaves the asking address for the plain `page`.
 */
export function useAddressedDialog<T>(fromAddress: T | null, page: string) {
  const router = useRouter();
  const [open, show] = useState<T | null>(fromAddress);
  const close = () => {
    show(null);
    if (fromAddress !== null) router.replace(page, { scroll: false });
  };
  return { open, show, close };
}

/**
 * The button that opens a dialog: a GET form to `page` with `params`, whose page renders that
 * dialog open, so it works without JavaScript; with JavaScript `onOpen` opens it at once.
 */
export function DialogOpener({
  page,
  params,
  onOpen,
  variant,
  label,
  children,
}: {
  page: string;
  params: Record<string, string>;
  onOpen: () => void;
  variant?: ButtonVariant;
  /** The button's accessible name, when its text alone would be ambiguous in a list. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={page}
      onSubmit={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {Object.entries(params).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} aria-label={label}>
        {children}
      </Button>
    </form>
  );
}
