import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { providers } from "./registry";
import { users } from "./users";

export const membershipRole = pgEnum("membership_role", ["admin", "user"]);
export const membershipStatus = pgEnum("membership_status", ["active", "revoked"]);

/**
 * A person's link to a provider (Associate Provider, Link Account, an approved access request or
 * an accepted invitation): their role and permissions for that provider.
 */
export const providerMemberships = pgTable(
  "provider_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    /**
     * Permission ids from lib/access/permissions.ts. Administrators hold all whatever this says;
     * while someone is an administrator it keeps what they held as a User, so demoting them gives
     * those back (lib/users/manage.ts).
     */
    permissions: text("permissions").array().notNull().default([]),
    status: membershipStatus("status").notNull().default("active"),
    /** When Revoke User last revoked it; read only while status is 'revoked' (the revoked-access notice). */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** How the link was made: association, invitation or access_request. */
    source: text("source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("provider_memberships_key").on(t.providerId, t.userId), index("provider_memberships_user_idx").on(t.userId)],
);

/** The Provider Agreement, versioned; the newest version is the one people accept. */
export const providerAgreements = pgTable("provider_agreements", {
  version: integer("version").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who accepted which agreement version for which provider, when and from where. */
export const agreementAcceptances = pgTable(
  "agreement_acceptances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    agreementVersion: integer("agreement_version")
      .notNull()
      .references(() => providerAgreements.version),
    ip: text("ip"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_acceptances_user_idx").on(t.userId, t.providerId)],
);

export type ProviderMembership = typeof providerMemberships.$inferSelect;
