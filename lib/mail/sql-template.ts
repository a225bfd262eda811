import { sql, type SQL } from "drizzle-orm";
import type { RenderedEmail } from "./layout";

/**
 * Renders an email inside an INSERT ... SELECT, so a batch of thousands of emails is queued by one
 * statement without the rows passing through Node. The email is rendered once in JS with a marker
 * in place of each per-row value; each part is then split at the markers and rebuilt in SQL as
 * literal pieces concatenated with the row's columns (HTML-escaped in the HTML part, exactly as
 * `escapeHtml` does). A value is never searched for markers, so a name that looks like one stays text.
 */

// Private-use characters: escapeHtml leaves them alone and no template text contains them.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKER = new RegExp(`${OPEN}(\\w+)${CLOSE}`);

export type SqlEmail = { subject: SQL; text: SQL; html: SQL };

/** The marker that stands for `field` while the template renders. */
function marker(field: string): string {
  return `${OPEN}${field}${CLOSE}`;
}

/** SQL equivalent of lib/mail/layout.ts `escapeHtml` (same characters, `&` first). */
export function sqlEscapeHtml(value: SQL): SQL {
  return sql`replace(replace(replace(replace(replace(${value}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;
}

function rebuild(rendered: string, values: Record<string, SQL>, escape: boolean): SQL {
  // split with one capture group alternates literal, field name, literal, ...
  const parts = rendered.split(MARKER);
  const pieces: SQL[] = parts.map((part, i) => {
    if (i % 2 === 0) return sql`${part}::text`;
    const value = values[part];
    if (!value) throw new Error(`sqlEmail: no value for ${part}`);
    return escape ? sqlEscapeHtml(value) : value;
  });
  if (parts.some((p, i) => i % 2 === 0 && (p.includes(OPEN) || p.includes(CLOSE)))) throw new Error("sqlEmail: a marker was altered by the template");
  return sql`concat(${sql.join(pieces, sql`, `)})`;
}

/**
 * `render` receives one marker string per field of `values` and must return the email those
 * strings produce; the result is the SQL that renders the same email from the columns in `values`.
 */
export function sqlEmail<K extends string>(values: Record<K, SQL>, render: (fields: Record<K, string>) => RenderedEmail): SqlEmail {
  const fields = Object.fromEntries(Object.keys(values).map((k) => [k, marker(k)])) as Record<K, string>;
  const email = render(fields);
  const v = values as Record<string, SQL>;
  return { subject: rebuild(email.subject, v, false), text: rebuild(email.text, v, false), html: rebuild(email.html, v, true) };
}

/** sqlEmail for any plain-text strings (no HTML escaping): each string `render` returns, as SQL. */
export function sqlText<K extends string, R extends Record<string, string>>(values: Record<K, SQL>, render: (fields: Record<K, string>) => R): { [P in keyof R]: SQL } {
  const fields = Object.fromEntries(Object.keys(values).map((k) => [k, marker(k)])) as Record<K, string>;
  const rendered = render(fields);
  return Object.fromEntries(Object.entries(rendered).map(([k, v]) => [k, rebuild(v, values as Record<string, SQL>, false)])) as { [P in keyof R]: SQL };
}
