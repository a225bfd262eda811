import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { providerAddresses, providerMemberships, providers, users } from "@/db/schema";
import { searchRegisteredProviders } from "@/lib/requests/directory";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { demoRegistryCsv } from "./demo";
import { generateRegistryCsv } from "./generate";
import { importRegistry, RegistryHeaderError } from "./import";
import { REGISTRY_COLUMNS } from "./rows";

const HEADER = REGISTRY_COLUMNS.join(",");
const fromString = (s: string) => (async function* () { yield s; })();

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

describe("importRegistry", () => {
  it("imports the demo registry with every address", async () => {
    const report = await importRegistry(t.db, fromString(demoRegistryCsv()));
    expect(report).toMatchObject({ rows: 11, providers: 8, inserted: 8, updated: 0, unchanged: 0, rejectedProviders: 0, problems: [] });
    const [mary] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200300"));
    expect(mary).toMatchObject({ firstName: "Mary Ann", lastName: "Smith", taxId: "311234567", providerType: "practitioner", program: "medicaid", searchName: "mary ann smith", searchCities: "columbus dublin" });
    const addresses = await t.db.select().from(providerAddresses).where(eq(providerAddresses.providerId, mary!.id));
    expect(addresses.map((a) => [a.addressType, a.zip5, a.zip4]).sort()).toEqual([
      ["practice", "43017", "2244"],
      ["remit", "43215", null],
    ]);
    const [alice] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200410"));
    expect(alice!.groupProviderNumber).toBe("G5000100");
  });

  it("a second import of the same file changes nothing", async () => {
    await importRegistry(t.db, fromString(demoRegistryCsv()));
    const before = await t.db.select().from(providerAddresses);
    const providersBefore = await t.db.select().from(providers);
    const report = await importRegistry(t.db, fromString(demoRegistryCsv()));
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
    const after = await t.db.select().from(providerAddresses);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    const providersAfter = await t.db.select().from(providers);
    const stamp = (ps: typeof providersBefore) => Object.fromEntries(ps.map((p) => [p.providerNumber, [p.id, p.updatedAt.toISOString(), p.fingerprint]]));
    expect(stamp(providersAfter)).toEqual(stamp(providersBefore));
  });

  it("the same rows in another order change nothing either", async () => {
    await importRegistry(t.db, fromString(demoRegistryCsv()));
    const [header, ...rows] = demoRegistryCsv().trim().split("\n");
    const report = await importRegistry(t.db, fromString([header, ...rows.reverse()].join("\n")));
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
  });

  it("updates only the changed provider: the others keep their updated_at", async () => {
    await importRegistry(t.db, fromString(demoRegistryCsv()));
    const before = Object.fromEntries((await t.db.select().from(providers)).map((p) => [p.providerNumber, p.updatedAt.getTime()]));
    await new Promise((r) => setTimeout(r, 5)); // so a rewrite would show in updated_at
    const changed = demoRegistryCsv().replace("9 Vine St,Cincinnati", "12 Elm St,Dayton");
    const report = await importRegistry(t.db, fromString(changed));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 7 });
    const after = await t.db.select().from(providers);
    for (const p of after) {
      if (p.providerNumber === "100200301") expect(p.updatedAt.getTime()).toBeGreaterThan(before[p.providerNumber]!);
      else expect(p.updatedAt.getTime()).toBe(before[p.providerNumber]);
    }
    const john = after.find((p) => p.providerNumber === "100200301")!;
    expect(john.searchCities).toBe("dayton");
    const addresses = await t.db.select().from(providerAddresses).where(eq(providerAddresses.providerId, john.id));
    expect(addresses.map((a) => [a.line1, a.city, a.position])).toEqual([["12 Elm St", "Dayton", 0]]);
  });

  it("keeps a registered provider registered and findable by its new city after an update", async () => {
    await importRegistry(t.db, fromString(demoRegistryCsv()));
    const [mary] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200300"));
    const [u] = await t.db
      .insert(users)
      .values({ email: "admin@example.test", passwordHash: "x", firstName: "A", lastName: "B", securityQuestion: "q", securityAnswerHash: "x", activatedAt: new Date() })
      .returning();
    await t.db.insert(providerMemberships).values({ providerId: mary!.id, userId: u!.id, role: "admin", source: "test" });
    expect((await searchRegisteredProviders(t.db, "dublin")).map((r) => r.id)).toEqual([mary!.id]);

    await importRegistry(t.db, fromString(demoRegistryCsv().replace("55 Frantz Rd,Dublin,OH,43017-2244", "7 Front St,Marietta,OH,45750")));
    const [after] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200300"));
    expect(after).toMatchObject({ id: mary!.id, registered: true, searchName: "mary ann smith", searchCities: "columbus marietta" });
    expect(await searchRegisteredProviders(t.db, "dublin")).toEqual([]);
    expect((await searchRegisteredProviders(t.db, "mariet")).map((r) => [r.id, r.city])).toEqual([[mary!.id, "Columbus"]]);
  });

  it("updates a changed provider in place and replaces its addresses", async () => {
    await importRegistry(t.db, fromString(demoRegistryCsv()));
    const [before] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200301"));
    const csv = `${HEADER}\n100200301,1245319599,practitioner,John,Doe-Reyes,,31-2345678,,medicare,remit,10 Main St,Dayton,OH,45402-1111\n`;
    const report = await importRegistry(t.db, fromString(csv));
    expect(report).toMatchObject({ inserted: 0, updated: 1 });
    const [after] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200301"));
    expect(after!.id).toBe(before!.id);
    expect(after).toMatchObject({ lastName: "Doe-Reyes", program: "medicare" });
    const addresses = await t.db.select().from(providerAddresses).where(eq(providerAddresses.providerId, after!.id));
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({ city: "Dayton", zip5: "45402", zip4: "1111" });
  });

  it("names every bad line and imports nothing of a provider with a bad row", async () => {
    const csv = [
      HEADER,
      "P1,1234567893,practitioner,Ann,Lee,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215", // good
      "P2,1245319599,practitioner,Bob,Ray,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215", // good row of a bad provider
      "P2,1245319599,practitioner,Bob,Ray,,12-3456789,,medicaid,practice,2 B St,Columbus,OH,4321", // bad ZIP
      "P3,1234567890,practitioner,Cy,Ode,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215", // bad NPI
      "P4,1376214718,dentist,Di,Ng,,123,,medicaid,remit,1 A St,Columbus,OH,43215", // bad type and tax id
      "P5,1588667638,group,,,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215", // group without a name
      "P6,1659474393,practitioner,Ed,Fox,,12-3456789,,medicaid,remit,1 A St,Columbus,OH", // missing column
      "P7,1093814758,practitioner,Fay,Gil,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215",
      "P7,1093814758,practitioner,Fay,Gill,,12-3456789,,medicaid,practice,2 B St,Columbus,OH,43216", // provider columns differ
    ].join("\n");
    const report = await importRegistry(t.db, fromString(csv));
    expect(report.providers).toBe(1);
    expect(report.inserted).toBe(1);
    expect(report.rejectedProviders).toBe(6);
    const byLine = Object.fromEntries(report.problems.map((p) => [p.line, p.reason]));
    expect(Object.keys(byLine).map(Number).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 10]);
    expect(byLine[4]).toMatch(/zip/);
    expect(byLine[5]).toMatch(/npi/);
    expect(byLine[6]).toMatch(/provider_type/);
    expect(byLine[6]).toMatch(/tax_id/);
    expect(byLine[7]).toMatch(/group_name is required/);
    expect(byLine[8]).toMatch(/expected 14 columns, found 13/);
    expect(byLine[10]).toMatch(/provider columns differ from line 9/);
    const numbers = (await t.db.select({ n: providers.providerNumber }).from(providers)).map((r) => r.n);
    expect(numbers).toEqual(["P1"]);
    expect(await t.db.select().from(providerAddresses)).toHaveLength(1);
  });

  it("reports a provider whose rows disagree once, and not after one of its bad rows", async () => {
    const row = (pn: string, last: string, zip = "43215", line1 = "1 A St") => `${pn},1234567893,practitioner,Ann,${last},,12-3456789,,medicaid,remit,${line1},Columbus,OH,${zip}`;
    const csv = [
      HEADER,
      row("A1", "Lee"),
      row("B1", "Kim"),
      row("A1", "Lee", "43215", "2 B St"), // agrees
      row("A1", "Leigh"), // line 5: differs from line 2
      row("A1", "Lea"), // already out: nothing more
      row("C1", "Cho", "bad"), // line 7: bad zip
      row("C1", "Choi"), // disagrees, but C1 is already out because of line 7
      row("D1", "Day"),
      `"D1",1234567893,practitioner,Ann,"Day",,12-3456789,,medicaid,practice,"3 C St
Suite 4",Columbus,OH,43215`, // quoted line break: lines 10-11
      row("D1", "Dey"), // line 12: differs from line 9
    ].join("\r\n");
    const report = await importRegistry(t.db, fromString(csv));
    expect(report.problems).toEqual([
      { line: 5, providerNumber: "A1", reason: "provider columns differ from line 2" },
      { line: 7, providerNumber: "C1", reason: "zip must be 5 digits or ZIP+4" },
      { line: 12, providerNumber: "D1", reason: "provider columns differ from line 9" },
    ]);
    expect(report).toMatchObject({ rows: 10, providers: 1, inserted: 1, rejectedProviders: 3, problemCount: 3 });
    expect((await t.db.select({ n: providers.providerNumber }).from(providers)).map((r) => r.n)).toEqual(["B1"]);
  });

  it("keeps the first problems only, and counts them all", async () => {
    const bad = (i: number) => `X${i},123,practitioner,Ann,Lee,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215`;
    const csv = [HEADER, ...Array.from({ length: 7 }, (_, i) => bad(i)), "P1,1234567893,practitioner,Ann,Lee,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215"].join("\n");
    const report = await importRegistry(t.db, fromString(csv), { problemLimit: 3 });
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(report).toMatchObject({ problemCount: 7, rejectedProviders: 7, inserted: 1 });
  });

  it("reads the columns in whatever order the header lists them", async () => {
    const columns = [...REGISTRY_COLUMNS].reverse();
    const values: Record<string, string> = { provider_number: "P9", npi: "1234567893", provider_type: "group", first_name: "", last_name: "", group_name: "Tab\tand \\ Clinic", tax_id: "123456789", group_provider_number: "", program: "both", address_type: "remit", address_line1: "1 A St", city: "Zanesville", state: "oh", zip: "437011234" };
    const report = await importRegistry(t.db, fromString(`${columns.join(",")}\n${columns.map((c) => values[c]).join(",")}\n`));
    expect(report).toMatchObject({ inserted: 1, problems: [] });
    const [p] = await t.db.select().from(providers);
    expect(p).toMatchObject({ providerNumber: "P9", providerType: "group", groupName: "Tab\tand \\ Clinic", firstName: null, searchName: "tab\tand \\ clinic", searchCities: "zanesville" });
    const [a] = await t.db.select().from(providerAddresses);
    expect(a).toMatchObject({ state: "OH", zip5: "43701", zip4: "1234", position: 0 });
  });

  it("a first load builds indexes and keys afterwards and leaves them as they were", async () => {
    const schemaShape = async () => {
      const rows = rowsOf<{ def: string }>(
        await t.db.execute(sql`
          select pg_get_indexdef(indexrelid) as def from pg_index where indrelid in ('providers'::regclass, 'provider_addresses'::regclass)
          union all
          select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
           where conrelid in ('providers'::regclass, 'provider_addresses'::regclass) or confrelid in ('providers'::regclass, 'provider_addresses'::regclass)`),
      );
      return rows.map((r) => r.def).sort();
    };
    const before = await schemaShape();
    expect(before.length).toBeGreaterThan(10);
    const report = await importRegistry(t.db, generateRegistryCsv(2000, 3), { bulkLoadMin: 1 });
    expect(report.inserted).toBe(report.providers);
    expect(await schemaShape()).toEqual(before);
    expect((await t.db.select().from(providerAddresses)).length).toBe(2000);
    const again = await importRegistry(t.db, generateRegistryCsv(2000, 3), { bulkLoadMin: 1 });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: report.providers });
  });

  it("reports a line that is not valid CSV and imports the rows before it", async () => {
    const csv = `${HEADER}\nP1,1234567893,practitioner,Ann,Lee,,12-3456789,,medicaid,remit,1 A St,Columbus,OH,43215\nP2,1245319599,practitioner,"Bob,Ray\n`;
    const report = await importRegistry(t.db, fromString(csv));
    expect(report.problems).toEqual([{ line: 3, providerNumber: "", reason: "not valid CSV (CSV_QUOTE_NOT_CLOSED)" }]);
    expect(report).toMatchObject({ rows: 2, inserted: 1, problemCount: 1 });
  });

  it("rejects a file whose header is missing columns", async () => {
    await expect(importRegistry(t.db, fromString("provider_number,npi\nP1,1234567893\n"))).rejects.toThrow(RegistryHeaderError);
    await expect(importRegistry(t.db, fromString(""))).rejects.toThrow(/empty/);
  });

  it("imports a generated file and reports reading and writing progress", async () => {
    const events: string[] = [];
    const report = await importRegistry(t.db, generateRegistryCsv(3000, 7), {
      progressEvery: 1000,
      onProgress: (p) => events.push(`${p.phase} ${p.done}${p.total ? `/${p.total}` : ""}`),
    });
    expect(report.rows).toBe(3000);
    expect(report.problems).toEqual([]);
    expect(report.inserted).toBe(report.providers);
    expect(events).toEqual(["read 1000", "read 2000", "read 3000", "write 1/4", "write 2/4", "write 3/4", "write 4/4"]);
    const count = (await t.db.select().from(providerAddresses)).length;
    expect(count).toBe(3000);
  });
});
