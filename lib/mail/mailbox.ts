import { desc, ilike } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

/** Whether /dev/mailbox may be served: never in a production build. */
export function isMailboxEnabled(nodeEnv: string | undefined): boolean {
  return nodeEnv !== "production";
}

/** Newest messages first, optionally only those to one recipient. */
export async function listMailbox(db: Db, options: { recipient?: string; limit?: number } = {}) {
  const q = db.select().from(outbox);
  const filtered = options.recipient ? q.where(ilike(outbox.recipient, `%${options.recipient.replace(/[%_\\]/g, "\\$&")}%`)) : q;
  return filtered.orderBy(desc(outbox.createdAt)).limit(options.limit ?? 100);
}

/** Splits text into plain runs and URLs so a page can render the links clickable. */
export function linkify(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  const re = /https?:\/\/[^\s<>"]+/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], href: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
