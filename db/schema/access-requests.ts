import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { membershipRole } from "./memberships";
import { providers } from "./registry";
import { users } from "./users";

export const accessRequestStatus = pgEnum("access_request_status", ["pending", "approved", "denied"]);

/**
 * "Request Access for New User" (seed 000). A data contract (DESIGN.md): status is pending,
 * approved or denied; created_at is when it was submitted; a pending request older than 5 days
 * counts as denied everywhere, and the cron route records it so.
 */
export const accessRequests = pgTable(
  "access_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    program: text("program").notNull(),
    state: text("state"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    positionTitle: text("position_title").notNull(),
    /** Trimmed, lower-cased. */
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    phoneExtension: text("phone_extension"),
    reason: text("reason").notNull(),
    status: accessRequestStatus("status").notNull().default("pending"),
    /** Set when decided: the administrator, or null with decided_automatically for the cron route. */
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAutomatically: text("decided_automatically"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    denialReason: text("denial_reason"),
    /** On approval: what the requester gets when they follow the emailed link. */
    grantedRole: membershipRole("granted_role"),
    grantedPermissions: text("granted_permissions").array(),
    /** The day-4 reminder to administrators was sent. */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("access_requests_provider_idx").on(t.providerId, t.status, t.createdAt),
    index("access_requests_pending_idx").on(t.status, t.createdAt),
    index("access_requests_email_idx").on(t.email, t.providerId),
  ],
);

export const invitationStatus = pgEnum("invitation_status", ["pending", "accepted", "cancelled"]);

/**
 * An emailed link that adds a person to a provider with a role and permissions: from "Invite New
 * User", or from an approved access request. Single-use, 7 days, token stored only as a hash, and
 * accepted only by a signed-in account whose email is the invited one.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    role: membershipRole("role").notNull(),
    permissions: text("permissions").array().notNull().default([]),
    tokenHash: text("token_hash").notNull(),
    status: invitationStatus("status").notNull().default("pending"),
    /** Set when the invitation came from an approved access request. */
    accessRequestId: uuid("access_request_id").references(() => accessRequests.id, { onDelete: "set null" }),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** When the cron run told the administrators (Message Box) that it expired unaccepted. */
    expiryNotifiedAt: timestamp("expiry_notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitations_provider_idx").on(t.providerId, t.status), index("invitations_token_idx").on(t.tokenHash), index("invitations_email_idx").on(t.email)],
);

export type AccessRequest = typeof accessRequests.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
