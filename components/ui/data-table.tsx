import type { ReactNode } from "react";

/**
 * A captioned table with column headers, inside a horizontal scroll area that is a labelled,
 * focusable region so keyboard users can scroll it too (axe: scrollable-region-focusable).
 * Children are the body rows.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            {columns.map((c, i) => (
              <th key={c} scope="col" className={i < columns.length - 1 ? "py-2 pr-4" : "py-2"}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
