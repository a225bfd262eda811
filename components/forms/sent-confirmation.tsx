"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";

/** What a public form shows once sent: its confirmation, announced and focused, and the way back to sign in. */
export function SentConfirmation({ children }: { children: ReactNode }) {
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => doneRef.current?.focus(), []);
  return (
    <div role="status" className="rounded-md bg-brand-50 p-5">
      <p ref={doneRef} tabIndex={-1} className="font-semibold text-brand-900 focus:outline-none">
        {children}
      </p>
      <p className="mt-4">
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
