import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { SEARCH_LIMIT, searchRegisteredProviders } from "./directory";

// The search answers from several passes (directory.ts); whichever answers, the result must be the
// first ten registered matches in name order. Checked against a plain filter-and-sort of the same
// rows, with the first pass shrunk so every pass is taken on a small registry.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.reset();
  const first = ["mary", "fatima", "aisha", "james", "tim"];
  const last = ["smith", "lakeman", "ma", "o'hara", "nguyen"];
  const groups = ["lakeside clinic", "harbor medical group", "summit care", "family 100% care"];
  const cities = ["columbus", "cleveland", "dayton", "boston", "marietta"];
  await t.db.execute(sql`
    insert into providers (provider_number, npi, provider_type, first_name, last_name, group_name, tax_id, program, search_name, search_cities, fingerprint)
    select 'T' || g, lpad((1000000000 + (g * 7919) % 900000000)::text, 10, '0'), (case when g % 5 = 0 then 'group' else 'practitioner' end)::provider_type,
           n.fn, n.ln, n.gn, '123456789', 'both', lower(coalesce(n.gn, n.fn || ' ' || n.ln)),
           (${sql.raw(`array['${cities.join("','")}']`)})[1 + g % 5] || case when g % 3 = 0 then ' ' || (${sql.raw(`array['${cities.join("','")}']`)})[1 + (g / 3) % 5] else '' end,
           'x'
    from generate_series(1, 400) g
    cross join lateral (select
      case when g % 5 = 0 then null else (${sql.raw(`array['${first.join("','")}']`)})[1 + (g / 5) % 5] end as fn,
      case when g % 5 = 0 then null else (${sql.raw(`array['${last.map((l) => l.replace("'", "''")).join("','")}']`)})[1 + (g / 25) % 5] end as ln,
      case when g % 5 = 0 then (${sql.raw(`array['${groups.join("','")}']`)})[1 + (g / 5) % 4] || ' ' || g end as gn
      where g = g) n`);
  await t.db.execute(sql`
    insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
    values ('admin@x.example', 'x', 'A', 'B', 'q', 'x', now())`);
  // Two providers in three are registered, through the memberships trigger.
  await t.db.execute(sql`
    insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
    select p.id, u.id, 'admin', '{}', 'active', 'association' from providers p, users u
    where substr(p.provider_number, 2)::int % 3 <> 1`);
});
afterAll(() => t.destroy());

interface Row {
  id: string;
  npi: string;
  search_name: string;
  search_cities: string;
}

function expected(rows: Row[], query: string): string[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, " ");
  if (q.length < 2) return [];
  const hit = (r: Row) => (/^\d+$/.test(q) ? r.npi.startsWith(q) : r.search_name.includes(q) || r.search_cities.includes(q));
  return rows
    .filter(hit)
    .sort((a, b) => Buffer.compare(Buffer.from(a.search_name), Buffer.from(b.search_name)) || a.npi.localeCompare(b.npi) || a.id.localeCompare(b.id))
    .slice(0, SEARCH_LIMIT)
    .map((r) => r.id);
}

describe("searchRegisteredProviders passes", () => {
  const queries = ["ma", "mar", "mary", "mary smith", "ary", "ti", "tim", "atim", "lak", "lakeside", "side cl", "man", "o'h", "col", "bus", "etta", "zz", "zzq", "100%", "10", "1000", "care 1", "  MARY   Lake ", "_a", "%", "%a", "y %", "é", "🙂", "a🙂"];

  it("lists the first ten registered matches in name order, whichever pass answers", async () => {
    const registered = rowsOf<Row>(await t.db.execute(sql`select id, npi, search_name, search_cities from providers where registered`));
    expect(registered.length).toBeGreaterThan(200);
    const npis = registered.slice(0, 3).map((r) => r.npi.slice(0, 6));
    let nonEmpty = 0;
    for (const q of [...queries, ...npis]) {
      const want = expected(registered, q);
      if (want.length) nonEmpty++;
      for (const tuning of [
        { orderedPassRows: 5, widePassRows: 5, laterMatchesCap: 3 },
        { orderedPassRows: 5, widePassRows: 20, laterMatchesCap: 1000 },
        { orderedPassRows: 50, widePassRows: 100, laterMatchesCap: 20 },
        { orderedPassRows: 4000, widePassRows: 30000, laterMatchesCap: 250 },
      ]) {
        const got = (await searchRegisteredProviders(t.db, q, tuning)).map((r) => r.id);
        expect({ q, tuning, got }).toEqual({ q, tuning, got: want });
      }
    }
    expect(nonEmpty).toBeGreaterThan(15);
  });

  it("never lists a provider without an active administrator", async () => {
    const results = await searchRegisteredProviders(t.db, "mary", { orderedPassRows: 5, widePassRows: 5, laterMatchesCap: 3 });
    const ids = results.map((r) => r.id);
    const unregistered = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from providers where not registered and id = any(${`{${ids.join(",")}}`}::uuid[])`));
    expect(results).toHaveLength(SEARCH_LIMIT);
    expect(Number(unregistered[0]!.n)).toBe(0);
  });
});
