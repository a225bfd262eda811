"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/** What replaces the Request Access form once the request is in (the same for a repeated request). */
export function AccessRequestConfirmation({ email }: { email: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div role="status" className="rounded-md bg-brand-50 p-6">
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-brand-800 focus:outline-none">
        Request submitted
      </h2>
      <p className="mt-2 text-slate-700">
        Your request was sent to the administrators of the provider&apos;s account. They have <strong>5 days</strong> to approve or deny it.
      </p>
      <p className="mt-2 text-slate-700">
        We will email their decision to <strong>{email}</strong>. If they do not act within 5 days, the request is denied automatically.
      </p>
      <p className="mt-4">
        <Link href="/login" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
