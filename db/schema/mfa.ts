import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const mfaFactorType = pgEnum("mfa_factor_type", ["totp", "email", "sms"]);

/** A second factor. Unconfirmed (confirmed_at null) while the person is still setting it up. */
export const mfaFactors = pgTable(
  "mfa_factors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: mfaFactorType("type").notNull(),
    /** TOTP only: the base32 secret, AES-256-GCM encrypted (lib/mfa/crypto.ts). */
    secretEncrypted: text("secret_encrypted"),
    /** SMS only: E.164 phone number. */
    phone: text("phone"),
    /** TOTP only: the last 30-second step accepted, so a code cannot be used twice. */
    lastUsedStep: bigint("last_used_step", { mode: "number" }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mfa_factors_user_idx").on(t.userId)],
);

/** A code sent by email or SMS: hashed, 10 minutes, limited attempts, used once. */
export const mfaCodes = pgTable(
  "mfa_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    factorId: uuid("factor_id")
      .notNull()
      .references(() => mfaFactors.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mfa_codes_factor_idx").on(t.factorId, t.createdAt)],
);

/** One-time recovery codes, stored hashed; shown to the person once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_codes_hash_key").on(t.userId, t.codeHash)],
);

/** "Do not challenge me on this device for 30 days": a random cookie token, stored hashed. */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("trusted_devices_hash_key").on(t.tokenHash), index("trusted_devices_user_idx").on(t.userId)],
);

export type MfaFactor = typeof mfaFactors.$inferSelect;

