import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroll area. It is a labelled, focusable region so that keyboard
 * users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroller({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
      {children}
    </div>
  );
}
