import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only record of security-relevant events (who, what, when, from where). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Dotted event name, e.g. `auth.sign_in.failed`. */
    action: text("action").notNull(),
    actorUserId: uuid("actor_user_id"),
    subjectUserId: uuid("subject_user_id"),
    providerId: uuid("provider_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_provider_idx").on(t.providerId, t.createdAt),
    index("audit_events_actor_idx").on(t.actorUserId, t.createdAt),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
