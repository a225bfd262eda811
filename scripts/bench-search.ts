import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "../db/client";
import { CITIES, FIRST, GROUP_KIND, GROUP_WORDS, LAST, PROGRAMS } from "../lib/registry/generate";
import { searchRegisteredProviders } from "../lib/requests/directory";
import { openScriptDatabase } from "./db";
import { percentile, reportResult } from "./lib/measure";

// npm run bench:search -- [PROVIDERS] [REGISTERED_SHARE]: latency of searchRegisteredProviders,
// the query behind the Request Access search dialog, keystroke by keystroke.
// Fills the database DATABASE_URL names with PROVIDERS (default 1,000,000) generated providers
// (same names, groups and cities as lib/registry/generate.ts, written directly in SQL, kept
// between runs), gives REGISTERED_SHARE of them (default 0.1) an active administrator through
// the memberships trigger, then prints p50/p95 per kind of query beside a `select 1` round trip.
// Point DATABASE_URL at a scratch database: it replaces every provider whose number starts with "B".
const target = Number(process.argv[2] ?? "1000000");
const share = Number(process.argv[3] ?? "0.1");
if (!Number.isInteger(target) || target < 1 || !(share > 0 && share <= 1)) throw new Error("usage: npm run bench:search -- [PROVIDERS] [REGISTERED_SHARE 0..1]");

const handle = await openScriptDatabase();
const db = handle.db;
const one = async (q: SQL) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0);
const literalArray = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]::text[]`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Providers numbered B000000001.. with 1-3 distinct cities each; written in chunks so a run shows progress. */
async function generateProviders(count: number) {
  await db.execute(sql`delete from providers where provider_number like 'B%'`);
  const cities = literalArray(CITIES.map((c) => c[0]));
  const states = literalArray(CITIES.map((c) => c[1]));
  const chunk = 200_000;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    const started = performance.now();
    await db.execute(sql`
      insert into providers (provider_number, npi, provider_type, first_name, last_name, group_name, tax_id, program, search_name, search_cities, fingerprint)
      select 'B' || lpad(r.g::text, 9, '0'), '1' || lpad(r.npi::text, 9, '0'),
             (case when r.grp then 'group' else 'practitioner' end)::provider_type,
             case when r.grp then null else (${literalArray(FIRST)})[r.fi] end,
             case when r.grp then null else (${literalArray(LAST)})[r.li] end,
             case when r.grp then (${literalArray(GROUP_WORDS)})[r.gw] || ' ' || (${literalArray(GROUP_KIND)})[r.gk] || ' ' || r.g end,
             lpad(r.tax::text, 9, '0'), (${literalArray(PROGRAMS)})[r.pr]::program,
             lower(case when r.grp then (${literalArray(GROUP_WORDS)})[r.gw] || ' ' || (${literalArray(GROUP_KIND)})[r.gk] || ' ' || r.g
                        else (${literalArray(FIRST)})[r.fi] || ' ' || (${literalArray(LAST)})[r.li] end),
             (select string_agg(distinct lower((${cities})[c]), ' ') from unnest((array[r.c1, r.c2, r.c3])[1:r.naddr]) c),
             'bench'
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (
        select g, random() < 0.15 as grp, 1 + floor(random() * ${FIRST.length})::int as fi, 1 + floor(random() * ${LAST.length})::int as li,
               1 + floor(random() * ${GROUP_WORDS.length})::int as gw, 1 + floor(random() * ${GROUP_KIND.length})::int as gk,
               1 + floor(random() * 3)::int as pr, 1 + floor(random() * 3)::int as naddr, floor(random() * 1e9)::bigint as npi, floor(random() * 1e9)::bigint as tax,
               1 + floor(random() * ${CITIES.length})::int as c1, 1 + floor(random() * ${CITIES.length})::int as c2, 1 + floor(random() * ${CITIES.length})::int as c3
        where g = g
      ) r`);
    await db.execute(sql`
      insert into provider_addresses (provider_id, address_type, line1, city, state, zip5, position)
      select p.id, (case when c.n = 1 then 'remit' else 'practice' end)::address_type, (100 + c.n) || ' Main St', initcap(c.city),
             (${states})[array_position(${cities}, initcap(c.city))], '43215', c.n - 1
      from providers p cross join lateral unnest(string_to_array(p.search_cities, ' ')) with ordinality as c(city, n)
      where p.provider_number between ${`B${String(from).padStart(9, "0")}`} and ${`B${String(to).padStart(9, "0")}`}`);
    console.log(`  providers ${from.toLocaleString()}..${to.toLocaleString()} with their addresses in ${seconds(started)} s`);
  }
}

/** Active administrator memberships for the providers whose hash falls under `share`, through the registered trigger. */
async function registerShare(fraction: number) {
  await db.execute(sql`
    insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
    values ('bench-admin@bench.example', 'x', 'Bench', 'Admin', 'q', 'x', now()) on conflict (email) do nothing`);
  const chosen = sql`(abs(hashtext(p.provider_number)) % 10000) < ${Math.round(fraction * 10000)}`;
  await db.execute(sql`
    delete from provider_memberships m using providers p, users u
    where m.provider_id = p.id and m.user_id = u.id and u.email = 'bench-admin@bench.example' and not ${chosen}`);
  await db.execute(sql`
    insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
    select p.id, u.id, 'admin', '{}', 'active', 'association'
    from providers p, users u
    where u.email = 'bench-admin@bench.example' and p.provider_number like 'B%' and ${chosen}
    on conflict do nothing`);
}

let started = performance.now();
const existing = await one(sql`select count(*)::int as n from providers where provider_number like 'B%'`);
if (existing !== target) {
  console.log(`generating ${target.toLocaleString()} providers (found ${existing.toLocaleString()})`);
  await db.execute(sql`select setseed(0.42)`);
  await generateProviders(target);
  console.log(`generated in ${seconds(started)} s`);
}
started = performance.now();
await registerShare(share);
await db.execute(sql`vacuum analyze providers`);
await db.execute(sql`vacuum analyze provider_addresses`);
await db.execute(sql`vacuum analyze provider_memberships`);
const providerCount = await one(sql`select count(*)::int as n from providers`);
const registered = await one(sql`select count(*)::int as n from providers where registered`);
console.log(`${providerCount.toLocaleString()} providers, ${registered.toLocaleString()} registered (${((100 * registered) / providerCount).toFixed(1)} %), ready in ${seconds(started)} s (${handle.kind})`);

// What people type, one keystroke at a time (the dialog searches from 2 characters on).
const [someNpi] = rowsOf<{ npi: string }>(await db.execute(sql`select npi from providers where registered order by provider_number limit 1`));
const keystrokes = (...words: string[]) => words.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 2)));
const kinds: Record<string, string[]> = {
  "name prefix": keystrokes("smith", "mary ann", "patel", "okafor", "lakeside", "harbor medical"),
  "common city": keystrokes("columbus", "cleveland", "boston"),
  NPI: keystrokes(someNpi?.npi ?? "1234567893", "1999"),
  "no match": keystrokes("zzqx nobody"),
};

const ROUNDS = 5;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const row = (label: string, xs: number[], extra = "") => {
  xs.sort((a, b) => a - b);
  console.log(`${label.padEnd(12)} p50 ${pct(xs, 50).toFixed(2).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(2).padStart(6)} ms  max ${xs.at(-1)!.toFixed(2).padStart(6)} ms  (${xs.length} queries${extra})`);
};
const all: number[] = [];
const floor: number[] = [];
const byKind = new Map<string, { times: number[]; found: number }>();
for (let round = 0; round <= ROUNDS; round++) {
  for (const [kind, queries] of Object.entries(kinds)) {
    const entry = byKind.get(kind) ?? { times: [], found: 0 };
    byKind.set(kind, entry);
    for (const q of queries) {
      let t0 = performance.now();
      await db.execute(sql`select 1`);
      const floorMs = performance.now() - t0;
      t0 = performance.now();
      const results = await searchRegisteredProviders(db, q);
      const ms = performance.now() - t0;
      // Round 0 warms the caches and is not counted.
      if (round === 0) continue;
      floor.push(floorMs);
      entry.times.push(ms);
      all.push(ms);
      entry.found += results.length;
    }
  }
}
for (const [kind, { times, found }] of byKind) row(kind, times, `, ${(found / times.length).toFixed(1)} results each`);
row("all", all);
row("select 1", floor, ": the round-trip floor");
const share100 = ((100 * registered) / providerCount).toFixed(0);
for (const [kind, { times }] of byKind) {
  const p95 = percentile(times, 95);
  reportResult({ bench: "search", measure: `${kind} p95, ${share100} % of ${providerCount.toLocaleString()} registered`, result: `${p95.toFixed(1)} ms`, floor: `${percentile(floor, 95).toFixed(2)} ms (select 1 p95)`, target: "≤ 20 ms", met: p95 <= 20 });
}
await handle.close();
