import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { providerMemberships, providers, users, type Provider } from "@/db/schema";
import { providerDisplayName } from "@/lib/registry/rows";

/** What the search dialog lists: only providers registered in the portal (with an active administrator). */
export interface RegisteredProvider {
  id: string;
  name: string;
  npi: string;
  city: string | null;
}

export const SEARCH_LIMIT = 10;

/** Providers with at least one active administrator: the only ones a request can go to. */
function activeAdminProviderIds(db: Db) {
  return db
    .select({ id: providerMemberships.providerId })
    .from(providerMemberships)
    .where(and(eq(providerMemberships.role, "admin"), eq(providerMemberships.status, "active")));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * How many registered providers, in result order, the first pass reads: a query matching at least
 * one in ORDERED_PASS_ROWS / SEARCH_LIMIT of them (a common city, an NPI's first digits) ends there.
 * A name or city query reads on to WIDE_PASS_ROWS ("sm" finds "aisha smith" after every other
 * "aisha"), which costs less than collecting a common substring's matches from a trigram index.
 */
export const ORDERED_PASS_ROWS = 4000;
export const WIDE_PASS_ROWS = 30000;

/** In name order, bytewise (COLLATE "C"): the order providers_registered_order_idx keeps (migration 0009). */
const RESULT_ORDER = sql.raw(`f.search_name collate "C", f.npi, f.id`);

/**
 * How many matches inside names or cities (not at a name's start) the last pass fetches and sorts;
 * a query with more reads them in name order from the order index instead, up to the tenth.
 */
export const LATER_MATCHES_CAP = 250;

/** The passes' bounds; tests shrink them so a small registry takes every pass. */
export interface SearchTuning {
  orderedPassRows: number;
  widePassRows: number;
  laterMatchesCap: number;
}

/**
 * Search by NPI (prefix), provider name or city (anywhere in them), among registered providers
 * only, in name order. Exact, and a name or city keystroke sorts at most LATER_MATCHES_CAP rows
 * (a common city's tens of thousands of matches are never collected):
 *  1. the first `orderedPassRows` registered providers in result order, read from one covering
 *     index and filtered: when ten match, they are the first ten (a common city, an NPI's first
 *     digits); for a name or city, then the first `widePassRows` the same way;
 *  2. otherwise an NPI prefix has few matches: the NPI index finds them and they are sorted;
 *  3. a name or city query is the union of the ten first names that start with it (a range of the
 *     order index, read in order: "mary", "lakeside" stay cheap however many there are) and the
 *     ten first providers whose name after its first character, or whose cities, contain it. Those
 *     come from the trigram or character-pair indexes when there are fewer than LATER_MATCHES_CAP
 *     ("zz", "mary ann"), or else from the order index read in order until the tenth. That read is
 *     the one not bounded: a short query whose matches all sit inside names far down the order
 *     ("ma" for "fatima ...", about 100,000 index entries at 500,000 registered) costs tens of ms.
 * `providers.registered` is kept by a trigger on the memberships; choosing a result re-checks them.
 */
export async function searchRegisteredProviders(
  db: Db,
  query: string,
  { orderedPassRows, widePassRows, laterMatchesCap }: SearchTuning = { orderedPassRows: ORDERED_PASS_ROWS, widePassRows: WIDE_PASS_ROWS, laterMatchesCap: LATER_MATCHES_CAP },
): Promise<RegisteredProvider[]> {
  const q = query.trim().toLowerCase().replace(/\s+/g, " ").slice(0, 100);
  if (q.length < 2) return [];
  const pattern = escapeLike(q);
  const isNpi = /^\d+$/.test(q);
  const match = isNpi ? sql`f.npi like ${`${pattern}%`}` : sql`(f.search_name like ${`%${pattern}%`} or f.search_cities like ${`%${pattern}%`})`;
  const head = (rows: number) =>
    sql`(select id, search_name, npi, search_cities from providers where registered order by search_name collate "C", npi, id limit ${rows}) f where ${match}`;
  const first = await topMatches(db, head(orderedPassRows));
  if (first.length === SEARCH_LIMIT) return first;
  if (isNpi) return topMatches(db, sql`providers f where f.registered and ${match}`);
  const wide = await topMatches(db, head(widePassRows));
  if (wide.length === SEARCH_LIMIT) return wide;

  const startsWith = sql`select f.id, f.search_name, f.npi from providers f where f.registered and f.search_name collate "C" like ${`${pattern}%`} order by ${RESULT_ORDER} limit ${SEARCH_LIMIT}`;
  const fetchLater = (cap: number) =>
    [...q].length === 2 ? sql`registered_providers_containing_pair_later(${q}, ${cap})` : sql`registered_providers_containing_later(${`%${pattern}%`}, ${cap})`;
  const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${fetchLater(laterMatchesCap)} f`));
  const later =
    Number(n) < laterMatchesCap
      ? sql`select f.id, f.search_name, f.npi from ${fetchLater(laterMatchesCap)} f order by ${RESULT_ORDER} limit ${SEARCH_LIMIT}`
      : sql`select f.id, f.search_name, f.npi from registered_providers_containing_later_in_order(${`%${pattern}%`}, ${SEARCH_LIMIT}) f`;
  return topMatches(db, sql`((${startsWith}) union (${later})) f`);
}

/** The first SEARCH_LIMIT rows of `source` (aliased f) in result order, with their display fields. */
async function topMatches(db: Db, source: SQL): Promise<RegisteredProvider[]> {
  const rows = rowsOf<{ id: string; npi: string; first_name: string | null; last_name: string | null; group_name: string | null; city: string | null }>(
    await db.execute(sql`
      select p.id, p.npi, p.first_name, p.last_name, p.group_name,
             (select a.city from provider_addresses a where a.provider_id = p.id order by a.position limit 1) as city
      from (select f.id, f.search_name, f.npi from ${source} order by ${RESULT_ORDER} limit ${SEARCH_LIMIT}) hit
      join providers p on p.id = hit.id
      order by hit.search_name collate "C", hit.npi, hit.id`),
  );
  return rows.map((r) => ({ id: r.id, name: providerDisplayName({ firstName: r.first_name, lastName: r.last_name, groupName: r.group_name }), npi: r.npi, city: r.city }));
}

/** The provider, when it has an active administrator. */
export async function registeredProviderById(db: Db, id: string): Promise<Provider | null> {
  const [p] = await db
    .select()
    .from(providers)
    .where(and(eq(providers.id, id), inArray(providers.id, activeAdminProviderIds(db))));
  return p ?? null;
}

export async function registeredProvidersByNpi(db: Db, npi: string): Promise<Provider[]> {
  return db
    .select()
    .from(providers)
    .where(and(eq(providers.npi, npi), inArray(providers.id, activeAdminProviderIds(db))))
    .limit(5);
}

export async function registeredProvidersByName(db: Db, name: string): Promise<Provider[]> {
  return db
    .select()
    .from(providers)
    .where(and(eq(providers.searchName, name.trim().toLowerCase().replace(/\s+/g, " ")), inArray(providers.id, activeAdminProviderIds(db))))
    .limit(5);
}

/** Emails and first names of the provider's active administrators. */
export async function activeAdmins(db: Db, providerIds: string[]): Promise<Array<{ providerId: string; email: string; firstName: string }>> {
  if (providerIds.length === 0) return [];
  return db
    .select({ providerId: providerMemberships.providerId, email: users.email, firstName: users.firstName })
    .from(providerMemberships)
    .innerJoin(users, eq(users.id, providerMemberships.userId))
    .where(and(inArray(providerMemberships.providerId, providerIds), eq(providerMemberships.role, "admin"), eq(providerMemberships.status, "active")));
}
