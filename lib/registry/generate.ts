import { csvField } from "./csv";
import { npiCheckDigit } from "./identifiers";
import { REGISTRY_COLUMNS } from "./rows";

/** Small deterministic PRNG (mulberry32) so a seed always writes the same file. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = ["Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Aisha", "Wei", "Priya", "Carlos", "Fatima", "Olga"];
export const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Nguyen", "Patel", "Kim", "Lopez", "Okafor", "Schmidt", "Rossi", "Cohen"];
export const GROUP_WORDS = ["Family", "Pediatric", "Lakeside", "Riverside", "Community", "Summit", "Valley", "Harbor", "Northside", "Heartland"];
export const GROUP_KIND = ["Medicine", "Health Partners", "Clinic", "Physicians Group", "Care Associates", "Medical Group"];
export const CITIES: [string, string, string][] = [
  ["Columbus", "OH", "432"], ["Cleveland", "OH", "441"], ["Cincinnati", "OH", "452"], ["Dayton", "OH", "454"],
  ["Indianapolis", "IN", "462"], ["Louisville", "KY", "402"], ["Atlanta", "GA", "303"], ["Boston", "MA", "021"],
];
export const PROGRAMS = ["medicaid", "medicare", "both"] as const;

/**
 * Writes a registry CSV of `rows` rows (header first): groups, practitioners under groups,
 * independent practitioners, each with one to three addresses. Same seed, same file.
 */
export function* generateRegistryCsv(rows: number, seed = 42): Generator<string> {
  const rand = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
  yield `${REGISTRY_COLUMNS.join(",")}\n`;

  let written = 0;
  let serial = 0;
  let currentGroup: { number: string; taxId: string } | null = null;
  while (written < rows) {
    serial++;
    const npiBase = String(100_000_000 + serial).slice(-9);
    const npi = npiBase + npiCheckDigit(npiBase);
    const isGroup = rand() < 0.15;
    const providerNumber = (isGroup ? "G" : "P") + String(serial).padStart(9, "0");
    let taxId = `${digits(2)}-${digits(7)}`;
    let groupNumber = "";
    if (isGroup) {
      currentGroup = { number: providerNumber, taxId };
    } else if (currentGroup && rand() < 0.5) {
      groupNumber = currentGroup.number;
      taxId = currentGroup.taxId;
    }
    const first = isGroup ? "" : pick(FIRST);
    const last = isGroup ? "" : pick(LAST);
    const group = isGroup ? `${pick(GROUP_WORDS)} ${pick(GROUP_KIND)} ${serial}` : "";
    const prog = pick(PROGRAMS);
    const addressCount = Math.min(rows - written, 1 + Math.floor(rand() * 3));
    for (let a = 0; a < addressCount; a++) {
      const [city, state, zip3] = pick(CITIES);
      const zip = zip3 + digits(2) + (rand() < 0.3 ? `-${digits(4)}` : "");
      const line1 = `${100 + Math.floor(rand() * 9800)} ${pick(LAST)} ${pick(["St", "Ave", "Rd", "Blvd"])}`;
      const fields = [providerNumber, npi, isGroup ? "group" : "practitioner", first, last, group, taxId, groupNumber, prog, a === 0 ? "remit" : "practice", line1, city, state, zip];
      yield `${fields.map(csvField).join(",")}\n`;
      written++;
    }
  }
}
