import type { CsvError } from "csv-parse";
import { NumberedCsvParser, type CsvRecord } from "./csv";
import { REGISTRY_COLUMNS, type ColumnPositions, parseRegistryFields, providerDisplayName } from "./rows";

/**
 * Turns registry CSV records into lines of PostgreSQL's COPY text format for the staging table,
 * validating each row on the way (rows.ts). A bad row is staged as a marker (line, provider number,
 * ok = false) so SQL can leave its whole provider out; its message goes to the ProblemLog.
 */

/** Staging columns, in COPY order. Everything is text: the merge casts the validated values. */
export const STAGE_COLUMNS = [
  "line",
  "provider_number",
  "ok",
  "provider_hash1",
  "provider_hash2",
  "address_hash1",
  "address_hash2",
  "npi",
  "provider_type",
  "first_name",
  "last_name",
  "group_name",
  "tax_id",
  "group_provider_number",
  "program",
  "search_name",
  "address_type",
  "line1",
  "city",
  "state",
  "zip5",
  "zip4",
  "city_lower",
] as const;

export class RegistryHeaderError extends Error {}

export interface RowProblem {
  line: number;
  providerNumber: string;
  reason: string;
}

/** Keeps the first `limit` problems (they arrive in line order) and counts all of them. */
export class ProblemLog {
  readonly kept: RowProblem[] = [];
  count = 0;
  constructor(readonly limit: number) {}
  add(problem: RowProblem) {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push(problem);
  }
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A value in COPY text format: backslash, tab and line breaks escaped, null as \N. */
export function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/**
 * A 64-bit hash of a string as two 32-bit lanes (cyrb53's mixing, both lanes kept), left in
 * hashLane1/hashLane2 so the hot loop allocates nothing. The merge compares and sums these
 * instead of the text: "do a provider's rows agree?" and "did anything change since last time?".
 */
let hashLane1 = 0;
let hashLane2 = 0;
function hashInto(text: string) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  hashLane1 = h1 | 0;
  hashLane2 = h2 | 0;
}

const NULLS_AFTER_OK = Array(STAGE_COLUMNS.length - 3).fill("\\N").join("\t");

/** Flush staged text downstream in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

export interface StageStreamState {
  header?: string[];
  rows: number;
}

/**
 * The stream from CSV bytes to staging COPY text. `state.header` is unset at the end when the file
 * was empty; a header missing columns destroys the stream with a RegistryHeaderError.
 */
export function createStageStream(options: {
  problems: ProblemLog;
  state: StageStreamState;
  onRows?: (rows: number) => void;
  progressEvery: number;
}): NumberedCsvParser<string> {
  const { problems, state } = options;
  let positions: ColumnPositions | undefined;
  let chunk = "";

  const stageBad = (line: number, providerNumber: string, reason: string) => {
    problems.add({ line, providerNumber, reason });
    // Without a provider number a bad line cannot take a provider down with it (as before).
    if (providerNumber) chunk += `${line}\t${copyText(providerNumber)}\tf\t${NULLS_AFTER_OK}\n`;
  };

  const onRecord = ({ line, fields }: CsvRecord): string | undefined => {
    if (!state.header) {
      state.header = fields.map((f) => f.trim().replace(/^\uFEFF/, "").toLowerCase());
      const missing = REGISTRY_COLUMNS.filter((c) => !state.header!.includes(c));
      if (missing.length) {
        parser.destroy(new RegistryHeaderError(`Line 1: the header is missing ${missing.join(", ")}`));
        return undefined;
      }
      positions = Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c, state.header!.indexOf(c)])) as ColumnPositions;
      return undefined;
    }
    if (!positions) return undefined; // header refused: the stream is being destroyed
    state.rows++;
    if (options.onRows && state.rows % options.progressEvery === 0) options.onRows(state.rows);

    if (fields.length !== state.header.length) {
      stageBad(line, (fields[positions.provider_number] ?? "").trim(), `expected ${state.header.length} columns, found ${fields.length}`);
    } else {
      const parsed = parseRegistryFields(fields, positions);
      if (!parsed.ok) {
        stageBad(line, parsed.providerNumber, parsed.errors.join("; "));
      } else {
        const p = parsed.provider;
        const a = parsed.address;
        // Validated values (numbers, codes, provider numbers: letters, digits, dashes) need no escaping.
        const provider =
          `${p.npi}\t${p.providerType}\t${copyText(p.firstName)}\t${copyText(p.lastName)}\t${copyText(p.groupName)}\t` +
          `${p.taxId}\t${p.groupProviderNumber ?? "\\N"}\t${p.program}`;
        const city = copyText(a.city);
        const address = `${a.addressType}\t${copyText(a.line1)}\t${city}\t${a.state}\t${a.zip5}\t${a.zip4 ?? "\\N"}`;
        hashInto(provider);
        const providerHash = `${hashLane1}\t${hashLane2}`;
        hashInto(address);
        chunk +=
          `${line}\t${p.providerNumber}\tt\t${providerHash}\t${hashLane1}\t${hashLane2}\t${provider}\t` +
          // Lower-casing an escaped value is escaping the lower-cased one (the escapes are lower case).
          `${copyText(providerDisplayName(p).toLowerCase())}\t${address}\t${city.toLowerCase()}\n`;
      }
    }
    if (chunk.length < CHUNK_CHARS) return undefined;
    const out = chunk;
    chunk = "";
    return out;
  };

  const onMalformed = (line: number, error: CsvError) => {
    if (state.header) state.rows++;
    problems.add({ line, providerNumber: "", reason: `not valid CSV (${error.code})` });
  };

  const parser: NumberedCsvParser<string> = new NumberedCsvParser<string>(onRecord, onMalformed, () => (chunk ? chunk : undefined));
  return parser;
}
