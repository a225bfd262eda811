import { and, asc, eq, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerAddresses, providers, type Provider } from "@/db/schema";
import type { RegistryRecord } from "@/lib/registry/match";
import { providerDisplayName } from "@/lib/registry/rows";

/** How a provider is shown to people: name, NPI, Provider ID. */
export interface ProviderSummary {
  id: string;
  name: string;
  npi: string;
  providerNumber: string;
  providerType: "practitioner" | "group";
}

export function summarize(p: Provider): ProviderSummary {
  return { id: p.id, name: providerDisplayName(p), npi: p.npi, providerNumber: p.providerNumber, providerType: p.providerType };
}

export async function providerById(db: Db, id: string): Promise<Provider | null> {
  const [p] = await db.select().from(providers).where(eq(providers.id, id));
  return p ?? null;
}

/** The registry record for a Provider ID + Tax ID (nine digits), with the ZIPs of all its addresses. */
export async function findRegistryRecord(db: Db, key: { providerNumber: string; taxId: string }): Promise<{ provider: Provider; record: RegistryRecord } | null> {
  const [p] = await db
    .select()
    .from(providers)
    .where(and(eq(providers.providerNumber, key.providerNumber), eq(providers.taxId, key.taxId)));
  if (!p) return null;
  const zips = await db.select({ zip5: providerAddresses.zip5 }).from(providerAddresses).where(eq(providerAddresses.providerId, p.id));
  return {
    provider: p,
    record: { ...p, zip5s: zips.map((z) => z.zip5) },
  };
}

/**
 * For a group: every practitioner listed under it (same Group Tax ID, or filed under the group's
 * provider number). Registering as a Group gives access to all of them. Empty for a practitioner.
 */
export async function groupPractitioners(db: Db, group: Provider): Promise<ProviderSummary[]> {
  if (group.providerType !== "group") return [];
  const rows = await db
    .select()
    .from(providers)
    .where(
      and(
        eq(providers.providerType, "practitioner"),
        ne(providers.id, group.id),
        or(eq(providers.taxId, group.taxId), eq(providers.groupProviderNumber, group.providerNumber)),
      ),
    )
    .orderBy(asc(providers.lastName), asc(providers.firstName));
  return rows.map(summarize);
}
