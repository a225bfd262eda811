import type { ReactNode } from "react";

/**
 * A captioned table with column headers. From 640 px up it is an ordinary table inside a
 * horizontal scroll area (a labelled, focusable region, so keyboard users can scroll it too: axe
 * scrollable-region-focusable). Below 640 px each row becomes a stacked card and each cell shows
 * its column name before its value (globals.css, `.data-table`), so nothing scrolls sideways
 * (WCAG 1.4.10). The explicit table roles keep screen readers reading it as a table with headers
 * when CSS changes its display (Safari drops the native semantics otherwise).
 *
 * Children are the body rows: <Row> with a <RowHeader> and <Cell>s, each given its column's name.
 */
export function DataTable({ caption, columns, children, captionHidden = false }: { caption: string; columns: string[]; children: ReactNode; captionHidden?: boolean }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
      <table role="table" className="data-table w-full border-collapse text-left text-sm">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left font-semibold text-slate-800"}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row" className="border-b border-slate-300 text-slate-700">
            {columns.map((c) => (
              <th key={c} role="columnheader" scope="col" className="py-2 pr-4 last:pr-0">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}

/** A body row. */
export function Row({ children }: { children: ReactNode }) {
  return (
    <tr role="row" className="border-b border-slate-200 align-top">
      {children}
    </tr>
  );
}

/** The cell that names the row (the first one): a row header; on a phone, the card's first line. */
export function RowHeader({ label, children }: { label: string; children: ReactNode }) {
  return (
    <th role="rowheader" scope="row" data-label={label} className="py-2 pr-4 font-medium text-slate-900 [overflow-wrap:anywhere]">
      {children}
    </th>
  );
}

/** A data cell; `label` is its column's name, shown before the value on a phone. */
export function Cell({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <td role="cell" data-label={label} className={`py-2 pr-4 last:pr-0 ${className}`.trim()}>
      {children}
    </td>
  );
}
