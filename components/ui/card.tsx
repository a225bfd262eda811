import type { ReactNode } from "react";

/** A centred panel for the public, single-form pages (sign in, create account, ...). */
export function FormCard({ title, intro, children, width = "max-w-md" }: { title: string; intro?: ReactNode; children: ReactNode; width?: string }) {
  return (
    <div className={`mx-auto ${width} px-4 py-10`}>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="mb-2 text-2xl font-bold text-brand-800">{title}</h1>
        {intro ? <div className="mb-6 text-slate-700">{intro}</div> : <div className="mb-4" />}
        {children}
      </div>
    </div>
  );
}

export function RequiredNote() {
  return (
    <p className="mb-4 text-sm text-slate-600">
      <span className="text-red-700" aria-hidden="true">
        *
      </span>{" "}
      indicates required field
    </p>
  );
}
