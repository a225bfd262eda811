import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A person's login. The email is stored trimmed and lower-cased; one account per email. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    securityQuestion: text("security_question").notNull(),
    /** argon2id of the answer normalised for case and spacing. */
    securityAnswerHash: text("security_answer_hash").notNull(),
    /** Null until the activation link is opened. */
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const tokenPurpose = pgEnum("token_purpose", ["activation", "password_reset"]);

/**
 * One-time emailed links (activation, password reset). Only the SHA-256 of the token is kept;
 * a token is used at most once and expires.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_tokens_hash_key").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Consecutive failed passwords per email, for known and unknown emails alike, so an unknown
 * email that is tried 5 times answers exactly as a locked account does.
 */
export const loginFailures = pgTable("login_failures", {
  email: text("email").primaryKey(),
  failedCount: integer("failed_count").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull(),
});

/**
 * Server-side sessions behind the next-auth cookie: the cookie carries only the session id, and
 * every request checks this row, so revoking it signs the person out on their next request.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** When the second factor passed for this session; null means the session is not usable yet. */
    mfaVerifiedAt: timestamp("mfa_verified_at", { withTimezone: true }),
    /** Wrong codes in this session's challenge; 5 end the session. */
    mfaFailedAttempts: integer("mfa_failed_attempts").notNull().default(0),
    /** Last time the person proved who they are (password or code): sensitive settings re-ask after 10 minutes. */
    lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true }).notNull().defaultNow(),
    /** The provider this session acts for (Link Account switching); re-checked against memberships every request. */
    activeProviderId: uuid("active_provider_id"),
    /**
     * The provider this session acted for until the person's access to it was revoked
     * (resolveActiveProvider); the next page says so once and clears it.
     */
    removedProviderId: uuid("removed_provider_id"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
