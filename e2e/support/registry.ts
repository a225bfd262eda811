import { npiCheckDigit } from "../../lib/registry/identifiers";
import { e2eSql } from "./db";

/**
 * Registry rows of a test's own: the first person to associate a provider becomes its
 * administrator, so every test inserts providers nobody else uses (unique Provider ID, NPI, Tax ID).
 */
let counter = 0;
function unique(): string {
  counter++;
  return `${Date.now().toString().slice(-6)}${(process.pid % 100).toString().padStart(2, "0")}${counter}`;
}

/** Random digits: Tax IDs and NPIs that no other test (or the demo registry) uses. */
function digits(length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(Math.random() * 10).toString();
  return out;
}

function randomNpi(): string {
  const first9 = `1${digits(8)}`;
  return `${first9}${npiCheckDigit(first9)}`;
}

export interface TestProvider {
  id: string;
  providerNumber: string;
  npi: string;
  /** As a person types it, with the dash. */
  taxId: string;
  zips: string[];
  firstName?: string;
  lastName?: string;
  groupName?: string;
}

async function insertProvider(p: {
  providerNumber: string;
  npi: string;
  type: "practitioner" | "group";
  firstName?: string;
  lastName?: string;
  groupName?: string;
  taxDigits: string;
  groupProviderNumber?: string;
  zips: string[];
}): Promise<string> {
  const sql = e2eSql();
  const searchName = (p.groupName ?? `${p.firstName} ${p.lastName}`).toLowerCase();
  const [row] = await sql<{ id: string }[]>`
    insert into providers (provider_number, npi, provider_type, first_name, last_name, group_name, tax_id, group_provider_number, program, search_name, search_cities, fingerprint)
    values (${p.providerNumber}, ${p.npi}, ${p.type}, ${p.firstName ?? null}, ${p.lastName ?? null}, ${p.groupName ?? null}, ${p.taxDigits},
            ${p.groupProviderNumber ?? null}, 'both', ${searchName}, 'columbus', ${"e2e-" + p.providerNumber})
    returning id`;
  for (const [i, zip] of p.zips.entries()) {
    const [zip5, zip4] = zip.split("-");
    await sql`
      insert into provider_addresses (provider_id, address_type, line1, city, state, zip5, zip4, position)
      values (${row!.id}, ${i === 0 ? "remit" : "practice"}, ${`${100 + i} Test St`}, 'Columbus', 'OH', ${zip5!}, ${zip4 ?? null}, ${i})`;
  }
  return row!.id;
}

const dashed = (tax: string) => `${tax.slice(0, 2)}-${tax.slice(2)}`;

/** A practitioner with two addresses (remit ZIP first, then a ZIP+4 practice address). */
export async function createPractitioner(firstName = "Dana", lastName = "Rivera"): Promise<TestProvider> {
  const u = unique();
  const providerNumber = `7${u}`;
  const taxDigits = `8${digits(8)}`;
  const npi = randomNpi();
  const zips = ["43215", "43017-2244"];
  const id = await insertProvider({ providerNumber, npi, type: "practitioner", firstName, lastName, taxDigits, zips });
  return { id, providerNumber, npi, taxId: dashed(taxDigits), zips, firstName, lastName };
}

/** A group and two practitioners listed under its Tax ID. */
export async function createGroup(groupName = "Maple Street Clinic"): Promise<{ group: TestProvider; practitioners: TestProvider[] }> {
  const u = unique();
  const providerNumber = `G${u}`;
  const taxDigits = `9${digits(8)}`;
  const group = { id: "", providerNumber, npi: randomNpi(), taxId: dashed(taxDigits), zips: ["44870"], groupName };
  group.id = await insertProvider({ providerNumber, npi: group.npi, type: "group", groupName, taxDigits, zips: group.zips });
  const practitioners: TestProvider[] = [];
  for (const [i, [first, last]] of [["Ada", "Okafor"], ["Ben", "Walsh"]].entries()) {
    const number = `${providerNumber}P${i}`;
    const npi = randomNpi();
    const id = await insertProvider({ providerNumber: number, npi, type: "practitioner", firstName: first, lastName: last, taxDigits, groupProviderNumber: providerNumber, zips: ["44870"] });
    practitioners.push({ id, providerNumber: number, npi, taxId: group.taxId, zips: ["44870"], firstName: first, lastName: last });
  }
  return { group, practitioners };
}
