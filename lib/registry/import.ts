import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerAddresses, providers } from "@/db/schema";
import { readCsv } from "./csv";
import {
  REGISTRY_COLUMNS,
  type AddressFields,
  type ProviderFields,
  type RegistryColumn,
  parseRegistryRow,
  providerDisplayName,
  sameProviderFields,
} from "./rows";

export interface RowProblem {
  line: number;
  providerNumber: string;
  reason: string;
}

export interface ImportReport {
  rows: number;
  providers: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Providers left out because at least one of their rows was bad. */
  rejectedProviders: number;
  problems: RowProblem[];
}

export interface ImportProgress {
  phase: "read" | "write";
  done: number;
  total?: number;
}

export class RegistryHeaderError extends Error {}

interface PendingProvider {
  /** Absent when the provider's first row was already bad. */
  provider?: ProviderFields;
  firstLine: number;
  addresses: AddressFields[];
  bad: boolean;
}

/**
 * Loads a registry CSV (format in DESIGN.md). Every row is validated; a provider with any bad row
 * is left out whole. Existing providers are updated in place, and a provider whose data did not
 * change is not written at all, so importing the same file twice changes nothing.
 */
export async function importRegistry(
  db: Db,
  source: AsyncIterable<string | Buffer> | Iterable<string>,
  options: { batchSize?: number; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 500;
  const report: ImportReport = { rows: 0, providers: 0, inserted: 0, updated: 0, unchanged: 0, rejectedProviders: 0, problems: [] };
  const pending = new Map<string, PendingProvider>();
  let header: string[] | undefined;

  for await (const record of readCsv(source)) {
    if (!header) {
      header = record.fields.map((f) => f.trim().replace(/^\uFEFF/, "").toLowerCase());
      const missing = REGISTRY_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length) throw new RegistryHeaderError(`Line 1: the header is missing ${missing.join(", ")}`);
      continue;
    }
    report.rows++;
    if (report.rows % 100_000 === 0) options.onProgress?.({ phase: "read", done: report.rows });
    const fail = (providerNumber: string, reason: string) => {
      report.problems.push({ line: record.line, providerNumber, reason });
      const existing = pending.get(providerNumber);
      if (existing) existing.bad = true;
      else if (providerNumber) pending.set(providerNumber, { firstLine: record.line, addresses: [], bad: true });
    };
    if (record.fields.length !== header.length) {
      const pn = (record.fields[header.indexOf("provider_number")] ?? "").trim();
      fail(pn, `expected ${header.length} columns, found ${record.fields.length}`);
      continue;
    }
    const raw = Object.fromEntries(header.map((h, i) => [h, record.fields[i] ?? ""])) as Record<RegistryColumn, string>;
    const parsed = parseRegistryRow(raw);
    if (!parsed.ok) {
      fail(parsed.providerNumber, parsed.errors.join("; "));
      continue;
    }
    const existing = pending.get(parsed.provider.providerNumber);
    if (!existing) {
      pending.set(parsed.provider.providerNumber, { provider: parsed.provider, firstLine: record.line, addresses: [parsed.address], bad: false });
    } else if (existing.bad || !existing.provider) {
      continue;
    } else if (!sameProviderFields(existing.provider, parsed.provider)) {
      fail(parsed.provider.providerNumber, `provider columns differ from line ${existing.firstLine}`);
    } else {
      existing.addresses.push(parsed.address);
    }
  }
  if (!header) throw new RegistryHeaderError("The file is empty: expected a header line");

  const good: Required<PendingProvider>[] = [];
  for (const p of pending.values()) {
    if (p.bad || !p.provider) report.rejectedProviders++;
    else good.push(p as Required<PendingProvider>);
  }
  pending.clear();
  report.providers = good.length;

  for (let i = 0; i < good.length; i += batchSize) {
    const batch = good.slice(i, i + batchSize);
    const written = await writeBatch(db, batch);
    report.inserted += written.inserted;
    report.updated += written.updated;
    report.unchanged += batch.length - written.inserted - written.updated;
    options.onProgress?.({ phase: "write", done: Math.min(i + batchSize, good.length), total: good.length });
  }
  return report;
}

function fingerprint(p: Required<PendingProvider>): string {
  const addresses = p.addresses.map((a) => [a.addressType, a.line1, a.city, a.state, a.zip5, a.zip4 ?? ""].join("|")).sort();
  return createHash("sha256").update(JSON.stringify([p.provider, addresses])).digest("base64url");
}

async function writeBatch(db: Db, batch: Required<PendingProvider>[]): Promise<{ inserted: number; updated: number }> {
  return db.transaction(async (tx) => {
    const rows = batch.map((p) => ({
      ...p.provider,
      searchName: providerDisplayName(p.provider).toLowerCase(),
      searchCities: [...new Set(p.addresses.map((a) => a.city.toLowerCase()))].join(" "),
      fingerprint: fingerprint(p),
    }));
    const changed = await tx
      .insert(providers)
      .values(rows)
      .onConflictDoUpdate({
        target: providers.providerNumber,
        set: {
          npi: sql`excluded.npi`,
          providerType: sql`excluded.provider_type`,
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          groupName: sql`excluded.group_name`,
          taxId: sql`excluded.tax_id`,
          groupProviderNumber: sql`excluded.group_provider_number`,
          program: sql`excluded.program`,
          searchName: sql`excluded.search_name`,
          searchCities: sql`excluded.search_cities`,
          fingerprint: sql`excluded.fingerprint`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${providers.fingerprint} <> excluded.fingerprint`,
      })
      .returning({ id: providers.id, providerNumber: providers.providerNumber, inserted: sql<boolean>`(xmax = 0)` });
    if (changed.length === 0) return { inserted: 0, updated: 0 };

    const byNumber = new Map(batch.map((p) => [p.provider.providerNumber, p]));
    const updatedIds = changed.filter((c) => !c.inserted).map((c) => c.id);
    if (updatedIds.length) await tx.delete(providerAddresses).where(inArray(providerAddresses.providerId, updatedIds));
    const addressRows = changed.flatMap((c) =>
      byNumber.get(c.providerNumber)!.addresses.map((a, position) => ({ ...a, providerId: c.id, position })),
    );
    for (let i = 0; i < addressRows.length; i += 2000) {
      await tx.insert(providerAddresses).values(addressRows.slice(i, i + 2000));
    }
    const inserted = changed.filter((c) => c.inserted).length;
    return { inserted, updated: changed.length - inserted };
  });
}
