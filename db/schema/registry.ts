import { sql } from "drizzle-orm";
import { boolean, char, index, integer, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

export const providerType = pgEnum("provider_type", ["practitioner", "group"]);
export const program = pgEnum("program", ["medicaid", "medicare", "both"]);
export const addressType = pgEnum("address_type", ["remit", "practice"]);

/** The plan's master list of providers, loaded by `npm run registry:import`. */
export const providers = pgTable(
  "providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The plan's Provider ID / Billing Number. */
    providerNumber: text("provider_number").notNull(),
    npi: char("npi", { length: 10 }).notNull(),
    providerType: providerType("provider_type").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    groupName: text("group_name"),
    /** Nine digits, no dash. */
    taxId: char("tax_id", { length: 9 }).notNull(),
    /** For a practitioner: the provider number of the group it belongs to. */
    groupProviderNumber: text("group_provider_number"),
    program: program("program").notNull(),
    /** Lower-cased practitioner "first last" or group name; what name search matches. */
    searchName: text("search_name").notNull(),
    /** Lower-cased cities of its addresses, space-separated (written by the import); what city search matches. */
    searchCities: text("search_cities").notNull().default(""),
    /**
     * Has at least one active administrator, so it can receive access requests. Kept by a trigger on
     * provider_memberships (migration 0006); only the Request Access search reads it, through the
     * partial indexes below, while decisions re-check the memberships themselves.
     */
    registered: boolean("registered").notNull().default(false),
    /** Hash of everything imported for this provider (addresses included): re-imports skip equal rows. */
    fingerprint: text("fingerprint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("providers_provider_number_key").on(t.providerNumber),
    index("providers_npi_idx").on(t.npi),
    index("providers_tax_id_idx").on(t.taxId),
    index("providers_group_provider_number_idx").on(t.groupProviderNumber),
    index("providers_search_name_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
    // The Request Access search looks only at registered providers: small indexes, fast on a million-row registry.
    // The name after its first character: with the order index below, a name query sorts only its rare matches (migration 0009).
    index("providers_registered_name_tail_trgm_idx").using("gin", sql`substr(${t.searchName}, 2) gin_trgm_ops`).where(sql`${t.registered}`),
    index("providers_registered_cities_trgm_idx").using("gin", sql`${t.searchCities} gin_trgm_ops`).where(sql`${t.registered}`),
    index("providers_registered_npi_idx").using("btree", sql`${t.npi} bpchar_pattern_ops`).where(sql`${t.registered}`),
    // Registered providers in search-result order; migration 0009 adds INCLUDE (search_cities), which drizzle cannot declare.
    index("providers_registered_order_idx").on(sql`${t.searchName} collate "C"`, t.npi, t.id).where(sql`${t.registered}`),
  ],
);

export const providerAddresses = pgTable(
  "provider_addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    addressType: addressType("address_type").notNull(),
    line1: text("line1").notNull(),
    city: text("city").notNull(),
    state: char("state", { length: 2 }).notNull(),
    zip5: char("zip5", { length: 5 }).notNull(),
    zip4: char("zip4", { length: 4 }),
    position: integer("position").notNull(),
  },
  // No index on city: the Request Access search matches providers.search_cities (migration 0010
  // dropped the unused trigram index here, which cost every registry import a second per million rows).
  (t) => [index("provider_addresses_provider_idx").on(t.providerId)],
);

export type Provider = typeof providers.$inferSelect;
export type ProviderAddress = typeof providerAddresses.$inferSelect;
