import { sql } from "drizzle-orm";
import { rowsOf } from "../db/client";
import { searchRegisteredProviders } from "../lib/requests/directory";
import { openScriptDatabase } from "./db";

// npm run bench:search -- [ADMIN_EVERY]: latency of searchRegisteredProviders, the query behind
// the Request Access search dialog, on whatever registry DATABASE_URL holds (load one with
// `npm run bench:import` first). Gives every ADMIN_EVERY-th provider (default 10) an active
// administrator, since only those can be found, then times typical queries: names, cities, NPI
// prefixes, and strings that match nothing. Point DATABASE_URL at a scratch database.
const adminEvery = Number(process.argv[2] ?? "10");
const handle = await openScriptDatabase();
const db = handle.db;
const count = async (q: ReturnType<typeof sql>) => (rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0);

const providers = await count(sql`select count(*)::int as n from providers`);
await db.execute(sql`
  insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
  values ('bench-admin@bench.example', 'x', 'Bench', 'Admin', 'q', 'x', now()) on conflict (email) do nothing`);
await db.execute(sql`
  insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
  select p.id, u.id, 'admin', '{}', 'active', 'association'
  from (select id, row_number() over (order by id) as rn from providers) p, users u
  where u.email = 'bench-admin@bench.example' and p.rn % ${adminEvery} = 0
  on conflict do nothing`);
await db.execute(sql`analyze`);
const registered = await count(sql`select count(distinct provider_id)::int as n from provider_memberships where role = 'admin' and status = 'active'`);

const queries = ["smith", "mary ann", "patel", "lakeside", "columbus", "cleve", "12345", "1093", "zzqx nobody", "harbor medical group"];
const timings: number[] = [];
let found = 0;
for (let round = 0; round < 6; round++) {
  for (const q of queries) {
    const started = performance.now();
    const results = await searchRegisteredProviders(db, q);
    // The first round warms the caches and is not counted.
    if (round > 0) {
      timings.push(performance.now() - started);
      found += results.length;
    }
  }
}
timings.sort((a, b) => a - b);
const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
console.log(
  `${providers.toLocaleString()} providers, ${registered.toLocaleString()} with an administrator: search p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${timings.at(-1)!.toFixed(1)} ms over ${timings.length} queries, ${(found / timings.length).toFixed(1)} results each on average (${handle.kind})`,
);
await handle.close();
