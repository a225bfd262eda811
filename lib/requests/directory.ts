import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
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
 * Search by NPI (prefix), provider name or city (anywhere in them), among registered providers
 * only. `providers.registered` (kept by a trigger on the memberships) and its partial indexes keep
 * this fast on a registry of a million rows; choosing a result re-checks the memberships.
 */
export async function searchRegisteredProviders(db: Db, query: string): Promise<RegisteredProvider[]> {
  const q = query.trim().toLowerCase().replace(/\s+/g, " ").slice(0, 100);
  if (q.length < 2) return [];
  const pattern = escapeLike(q);
  const match = /^\d+$/.test(q) ? like(providers.npi, `${pattern}%`) : or(like(providers.searchName, `%${pattern}%`), like(providers.searchCities, `%${pattern}%`));
  const rows = await db
    .select({
      id: providers.id,
      npi: providers.npi,
      firstName: providers.firstName,
      lastName: providers.lastName,
      groupName: providers.groupName,
      city: sql<string | null>`(select a.city from provider_addresses a where a.provider_id = "providers"."id" order by a.position limit 1)`,
    })
    .from(providers)
    .where(and(sql`${providers.registered}`, match))
    .orderBy(asc(providers.searchName), asc(providers.npi))
    .limit(SEARCH_LIMIT);
  return rows.map((r) => ({ id: r.id, name: providerDisplayName(r), npi: r.npi, city: r.city }));
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
