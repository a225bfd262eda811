import { withIndexesBuiltAfter } from "./bulk";
import type { ImportSession } from "./session";
import { STAGE_COLUMNS, type RowProblem } from "./stage";

/**
 * The set-based half of the registry import: from the staging table (every valid row, plus a
 * marker for every bad row that named its provider) to providers and provider_addresses.
 *
 * - The summary: one row per provider number, by one hash aggregate: all rows valid? provider
 *   columns the same on every row (their hash, from stage.ts)? and a fingerprint of everything
 *   imported for it: the provider's hash and the sums of its address hashes, so, as before, a
 *   file that only lists the same addresses in another order changes nothing.
 * - A provider with a bad row, or whose rows disagree, is left out whole.
 * - registry_changed: good providers whose fingerprint differs from the stored one (or new ones).
 *   Unchanged providers are never written, so a re-import costs one aggregate and one anti-join.
 * - One update of the changed providers and one insert of the new ones, then their addresses are
 *   replaced. A first load into an empty registry builds the indexes afterwards (bulk.ts).
 */

export const STAGE_TABLE = "registry_stage";

const STAGE_TYPES: Partial<Record<(typeof STAGE_COLUMNS)[number], string>> = {
  line: "integer not null",
  provider_number: `text collate "C" not null`,
  ok: "boolean not null",
  provider_hash1: "integer",
  provider_hash2: "integer",
  address_hash1: "integer",
  address_hash2: "integer",
};

export const CREATE_STAGE = `create temp table ${STAGE_TABLE} (
  ${STAGE_COLUMNS.map((c) => `${c} ${STAGE_TYPES[c] ?? "text"}`).join(",\n  ")}
) on commit drop`;

/** One row per provider number, by one hash aggregate over the staged rows. */
const SUMMARY = `
  select provider_number,
         bool_and(ok) as ok,
         min(line) as first_line,
         min(provider_hash1) = max(provider_hash1) and min(provider_hash2) = max(provider_hash2) as consistent,
         concat_ws(':', count(*), min(provider_hash1), min(provider_hash2), sum(address_hash1), sum(address_hash2)) as fingerprint
    from ${STAGE_TABLE}
   group by provider_number`;

/**
 * "provider columns differ from line N", as the row-by-row import reported it: on the first valid
 * row that disagrees with the provider's first row, when that first row was valid and no bad row
 * came before. Later disagreeing rows add nothing: the provider is already out.
 */
const FIND_CONFLICTS = `create temp table registry_conflicts on commit drop as
  with firsts as (
    select s.provider_number, s.line, s.provider_hash1, s.provider_hash2
      from (${SUMMARY}) m join ${STAGE_TABLE} s on s.provider_number = m.provider_number and s.line = m.first_line
     where not m.consistent and s.ok
  ), differing as (
    select f.provider_number, f.line as first_line, min(s.line) as line
      from firsts f join ${STAGE_TABLE} s on s.provider_number = f.provider_number
     where s.ok and s.line > f.line and (s.provider_hash1, s.provider_hash2) <> (f.provider_hash1, f.provider_hash2)
     group by f.provider_number, f.line
  )
  select d.* from differing d
   where not exists (select 1 from ${STAGE_TABLE} b where b.provider_number = d.provider_number and not b.ok and b.line < d.line)`;

/**
 * registry_changed: good providers that are new or whose fingerprint changed, with their id: the
 * stored row's, or a new one (so the addresses can be written without reading ids back from the
 * insert). The same statement counts the summary, which stays in memory (never a table).
 */
const FIND_CHANGED = [
  `create temp table registry_changed (provider_number text collate "C" not null, first_line integer not null,
     fingerprint text not null, id uuid not null, inserted boolean not null) on commit drop`,
  `with summary as materialized (${SUMMARY}),
   changed as (
     insert into registry_changed
     select m.provider_number, m.first_line, m.fingerprint, coalesce(p.id, gen_random_uuid()), p.id is null
       from summary m left join providers p on p.provider_number = m.provider_number
      where m.ok and m.consistent and p.fingerprint is distinct from m.fingerprint
     returning inserted
   )
   select (select count(*) from summary where ok and consistent)::int as good,
          (select count(*) from summary where not ok or not consistent)::int as rejected,
          (select count(*) from summary where not consistent)::int as inconsistent,
          (select count(*) from changed where inserted)::int as inserted,
          (select count(*) from changed where not inserted)::int as updated`,
];

/**
 * CTE `changed`: the changed providers matching `which`, with their columns and search columns,
 * in one aggregate over their rows (the provider columns are equal on all of them, so min() just
 * picks that value; collate "C" keeps it a byte comparison).
 */
const changedRows = (which: string) => `
  changed as (
    select c.provider_number, c.id, c.fingerprint,
           min(s.npi collate "C") as npi, min(s.provider_type collate "C")::provider_type as provider_type,
           min(s.first_name collate "C") as first_name, min(s.last_name collate "C") as last_name,
           min(s.group_name collate "C") as group_name, min(s.tax_id collate "C") as tax_id,
           min(s.group_provider_number collate "C") as group_provider_number, min(s.program collate "C")::program as program,
           min(s.search_name collate "C") as search_name, string_agg(distinct s.city_lower, ' ') as search_cities
      from registry_changed c join ${STAGE_TABLE} s on s.provider_number = c.provider_number
     where ${which}
     group by c.provider_number, c.id, c.fingerprint
  )`;

const UPDATE_PROVIDERS = `with ${changedRows("not c.inserted")}
   update providers p set
     npi = c.npi, provider_type = c.provider_type, first_name = c.first_name, last_name = c.last_name, group_name = c.group_name,
     tax_id = c.tax_id, group_provider_number = c.group_provider_number, program = c.program, search_name = c.search_name,
     search_cities = c.search_cities, fingerprint = c.fingerprint, updated_at = now()
     from changed c where p.id = c.id`;

const INSERT_PROVIDERS = `with ${changedRows("c.inserted")}
   insert into providers (id, provider_number, npi, provider_type, first_name, last_name, group_name, tax_id, group_provider_number,
                          program, search_name, search_cities, fingerprint)
   select id, provider_number, npi, provider_type, first_name, last_name, group_name, tax_id, group_provider_number,
          program, search_name, search_cities, fingerprint
     from changed`;

/**
 * The written providers' addresses are replaced by the file's. position keeps file order: 0 for
 * the provider's first row, then its distance from it (1, 2, ... when the rows are adjacent).
 */
const DELETE_ADDRESSES = `delete from provider_addresses a using registry_changed c where a.provider_id = c.id and not c.inserted`;
const INSERT_ADDRESSES = `insert into provider_addresses (provider_id, address_type, line1, city, state, zip5, zip4, position)
   select c.id, s.address_type::address_type, s.line1, s.city, s.state, s.zip5, s.zip4, s.line - c.first_line
     from registry_changed c join ${STAGE_TABLE} s on s.provider_number = c.provider_number`;

export interface MergeResult {
  providers: number;
  rejectedProviders: number;
  inserted: number;
  updated: number;
  /** The first `limit` conflicts by line, and how many there were. */
  conflicts: RowProblem[];
  conflictCount: number;
}

export const MERGE_STEPS = 4;

/**
 * `bulkLoadMin`: a first load (empty registry) of at least this many providers builds indexes
 * after the rows are in (bulk.ts).
 */
export async function mergeStaged(
  session: ImportSession,
  options: { conflictLimit: number; bulkLoadMin: number },
  onStep: (done: number) => void,
): Promise<MergeResult> {
  const { conflictLimit, bulkLoadMin } = options;
  // Temp tables are never auto-analyzed, and the joins below pick nested loops over a million rows
  // without statistics. The summary itself does not need them: an unchanged file skips this.
  let analyzed = false;
  const analyzeStage = async () => {
    if (!analyzed) await session.query(`analyze ${STAGE_TABLE}`);
    analyzed = true;
  };
  await session.query(FIND_CHANGED[0]!);
  const [counts] = await session.query<{ good: number; rejected: number; inconsistent: number; inserted: number; updated: number }>(FIND_CHANGED[1]!);
  await session.query(`analyze registry_changed`);
  onStep(1);

  let conflicts: RowProblem[] = [];
  let conflictCount = 0;
  if (counts!.inconsistent > 0) {
    await analyzeStage();
    await session.query(FIND_CONFLICTS);
    const [c] = await session.query<{ n: number }>(`select count(*)::int as n from registry_conflicts`);
    conflictCount = c!.n;
    const rows = await session.query<{ line: number; provider_number: string; first_line: number }>(
      `select line, provider_number, first_line from registry_conflicts order by line limit ${Number(conflictLimit)}`,
    );
    conflicts = rows.map((r) => ({ line: r.line, providerNumber: r.provider_number, reason: `provider columns differ from line ${r.first_line}` }));
  }
  onStep(2);

  const { inserted, updated } = counts!;
  const [stored] = await session.query<{ any: boolean }>(`select exists (select 1 from providers) as any`);
  onStep(3);
  const write = async () => {
    if (inserted + updated === 0) return;
    await analyzeStage();
    if (updated > 0) await session.query(UPDATE_PROVIDERS);
    if (inserted > 0) await session.query(INSERT_PROVIDERS);
    if (updated > 0) await session.query(DELETE_ADDRESSES);
    await session.query(INSERT_ADDRESSES);
  };
  if (!stored!.any && inserted >= bulkLoadMin) await withIndexesBuiltAfter(session, ["providers", "provider_addresses"], write);
  else await write();
  onStep(4);
  return { providers: counts!.good, rejectedProviders: counts!.rejected, inserted, updated, conflicts, conflictCount };
}
