import { pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { providers } from "./registry";
import { users } from "./users";

/**
 * Step 1 of Associate Provider / Link Account matched this provider for this person; step 2 (the
 * Provider Agreement) reads it from here, never from the browser. One per person, short-lived,
 * deleted when the agreement is accepted.
 */
export const pendingAssociations = pgTable(
  "pending_associations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pending_associations_user_key").on(t.userId)],
);

export type PendingAssociation = typeof pendingAssociations.$inferSelect;
