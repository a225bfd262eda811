import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { providers } from "./registry";
import { users } from "./users";

/**
 * Message Box (seed 002): internal mail between a provider's members and the portal's
 * notifications, per provider. Nothing here ever leaves as email; only a content-free notice does
 * (lib/messages/notice.ts).
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    /** A notification the portal wrote (no reply); otherwise mail between members. */
    isNotification: boolean("is_notification").notNull().default(false),
    /** For notifications: what happened (access_request.received, users.revoked, ...). */
    kind: text("kind"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_threads_provider_idx").on(t.providerId)],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    /** Null for the portal's notifications, and kept null-safe if the account is ever deleted. */
    senderUserId: uuid("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The sender's name when sent: stays in the thread after the sender is revoked. */
    senderName: text("sender_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_thread_idx").on(t.threadId, t.createdAt)],
);

/**
 * A person's copy of a thread in one provider's Message Box: whether they have read it, archived
 * it, and when its newest message arrived (the list's order), so the first page of a box with
 * tens of thousands of threads is one index range.
 */
export const messageParticipants = pgTable(
  "message_participants",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull(),
    lastSenderName: text("last_sender_name").notNull(),
    /** Messages in the thread this person has not read; 0 once they open it. */
    unreadCount: integer("unread_count").notNull().default(0),
    archived: boolean("archived").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    index("message_participants_box_idx").on(t.userId, t.providerId, t.archived, t.lastMessageAt.desc(), t.threadId),
    index("message_participants_unread_idx").on(t.userId, t.providerId).where(sql`${t.unreadCount} > 0 and not ${t.archived}`),
  ],
);

/** Per person: the "new message" notice email (on unless turned off) and when the last one was queued. */
export const messageNoticeSettings = pgTable("message_notice_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailNotice: boolean("email_notice").notNull().default(true),
  lastNoticeAt: timestamp("last_notice_at", { withTimezone: true }),
});

export type MessageThread = typeof messageThreads.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageParticipant = typeof messageParticipants.$inferSelect;
