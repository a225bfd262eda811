"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** Shows recovery codes once, with copy and download, until the person says they saved them. */
export function RecoveryCodes({ codes, onDone, doneLabel = "Continue" }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const [copied, setCopied] = useState(false);
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
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(text).catch(() => undefined);
            setCopied(true);
          }}
        >
          Copy codes
        </Button>
        <a
          className="inline-flex items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="provider-portal-recovery-codes.txt"
        >
          Download codes
        </a>
        <Button onClick={onDone}>{doneLabel}</Button>
      </div>
      <p role="status" className="mt-2 text-sm text-green-800">
        {copied ? "Codes copied to the clipboard." : ""}
      </p>
    </section>
  );
}
