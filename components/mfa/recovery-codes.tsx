"use client";

import { useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, buttonClass } from "@/components/ui/button";

/**
 * Shows recovery codes once, with copy (with JavaScript) and download, until the person says they
 * saved them: `doneHref` goes on with a plain form (no JavaScript needed), `onDone` runs a callback.
 */
export function RecoveryCodes({ codes, onDone, doneHref, doneLabel = "Continue" }: { codes: string[]; onDone?: () => void; doneHref?: string; doneLabel?: string }) {
  const [copied, setCopied] = useState(false);
  const hydrated = useHydrated();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const text = `Provider Portal recovery codes\nEach code works once. Keep them somewhere safe.\n\n${codes.join("\n")}\n`;
  return (
    <section aria-labelledby="recovery-heading">
      <h2 id="recovery-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold text-brand-800 focus:outline-none">
        Save your recovery codes
      </h2>
      <p className="mt-2 text-slate-700">
        If you lose access to your verification method, each of these codes lets you sign in once. This is the only time they are shown.
      </p>
      <ul aria-label="Recovery codes" className="mt-4 grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-slate-50 p-4 font-mono text-lg">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-3">
        {hydrated ? (
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(text).catch(() => undefined);
              setCopied(true);
            }}
          >
            Copy codes
          </Button>
        ) : null}
        <a className={buttonClass("secondary")} href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="provider-portal-recovery-codes.txt">
          Download codes
        </a>
        {doneHref ? (
          // A GET form with no fields: a button that goes on, with or without JavaScript.
          <form method="get" action={doneHref}>
            <Button type="submit">{doneLabel}</Button>
          </form>
        ) : (
          <Button onClick={onDone}>{doneLabel}</Button>
        )}
      </div>
      <p role="status" className="mt-2 text-sm text-green-800">
        {copied ? "Codes copied to the clipboard." : ""}
      </p>
    </section>
  );
}
