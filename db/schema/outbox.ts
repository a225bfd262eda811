import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const outboxChannel = pgEnum("outbox_channel", ["email", "sms"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed"]);

/**
 * Every email and SMS the portal sends, written in the same transaction as the change that
 * caused it and delivered afterwards by lib/mail/dispatcher. A data contract: see DESIGN.md.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: outboxChannel("channel").notNull(),
    recipient: text("recipient").notNull(),
    /** Null for SMS. */
    subject: text("subject"),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    /** Which template made it (activation, reset, mfa-code, ...): lets tests and operators filter. */
    template: text("template").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_pending_idx").on(t.status, t.nextAttemptAt),
    index("outbox_recipient_idx").on(t.recipient, t.createdAt),
    // The dispatcher's oldest due rows, read in order (migration 0009).
    index("outbox_due_idx").on(t.createdAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
