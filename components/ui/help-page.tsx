import type { ReactNode } from "react";

/** A public help page (FAQ, system requirements, contact): a readable column with a title. */
export function HelpPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-800">{title}</h1>
      {intro ? <p className="mt-2 text-slate-700">{intro}</p> : null}
      <div className="mt-6 space-y-6 text-slate-800">{children}</div>
      <p className="mt-10 text-sm">
        <a href="/login" className="text-brand-700 underline">
          Back to sign in
        </a>
      </p>
    </article>
  );
}
