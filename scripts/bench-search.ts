import { sql } from "drizzle-orm";
import { rowsOf } from "../db/client";
import { openScriptDatabase } from "./db";

// npm run bench:search: latency of the registry name/NPI/city lookups the access-request search
// uses, on whatever registry DATABASE_URL holds (load one with npm run bench:import first).
const handle = await openScriptDatabase();
const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from providers`)) as [{ n: number }];
const queries = ["smith", "lakeside clinic", "patel", "columbus", "1000123", "harbor medical"];
const timings: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of queries) {
    const started = performance.now();
    await handle.db.execute(sql`
      select p.id from providers p
      where p.search_name % ${q} or p.search_name like ${`%${q}%`} or p.npi like ${`${q}%`}
         or exists (select 1 from provider_addresses a where a.provider_id = p.id and lower(a.city) like ${`${q}%`})
      order by similarity(p.search_name, ${q}) desc limit 10`);
    if (round > 0) timings.push(performance.now() - started);
  }
}
timings.sort((a, b) => a - b);
const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
console.log(`${n.toLocaleString()} providers: search p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${timings.at(-1)!.toFixed(1)} ms over ${timings.length} queries (${handle.kind})`);
await handle.close();
