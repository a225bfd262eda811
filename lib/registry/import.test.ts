import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { providerAddresses, providers } from "@/db/schema";
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
    const report = await importRegistry(t.db, fromString(demoRegistryCsv()));
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
    const after = await t.db.select().from(providerAddresses);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
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
