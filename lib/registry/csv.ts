import { Readable, pipeline } from "node:stream";
import { Parser, type CsvError, type Options } from "csv-parse";

/**
 * CSV reading on csv-parse: RFC 4180 quotes, doubled quotes, commas and line breaks inside quotes,
 * CRLF, LF or CR line ends, a BOM, blank lines skipped. Every record carries the 1-based line it
 * starts on, which the registry import's per-line messages need.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Longer records are reported as malformed instead of being buffered (an unclosed quote would swallow the file). */
export const MAX_CSV_RECORD_CHARS = 64 * 1024;

const CSV_OPTIONS: Options = {
  bom: true,
  relax_column_count: true, // the import reports a wrong column count per line itself
  relax_quotes: true, // a quote inside an unquoted field is a literal character
  skip_empty_lines: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  skip_records_with_error: true,
  max_record_size: MAX_CSV_RECORD_CHARS,
};

/** Line breaks inside a record's fields, counting CRLF once. */
function lineBreaks(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13 && f.charCodeAt(i + 1) !== 10) n++;
    }
  }
  return n;
}

/**
 * csv-parse's stream, handing each record with its starting line to `onRecord`, and each
 * record it could not parse to `onMalformed`. Whatever `onRecord` returns (other than undefined) is
 * pushed downstream.
 *
 * Why a subclass: csv-parse's `info: true` option copies its whole info object for every record,
 * a large share of the parse time on a million rows (measured here). Its Parser pushes each record
 * synchronously from the parse loop, so `this.info` at that moment describes the record just
 * finished (`lines` is the line it ends on); the start line follows from the previous record's
 * end and the blank lines skipped in between. csv.test.ts pins this down.
 */
export class NumberedCsvParser<Out> extends Parser {
  #prevInfoLines = 0;
  #prevEmpty = 0;
  #prevEnd = 0;

  constructor(
    private readonly onRecord: (record: CsvRecord) => Out | undefined,
    onMalformed: (line: number, error: CsvError) => void = () => {},
    private readonly onEnd: () => Out | undefined = () => undefined,
  ) {
    let self: NumberedCsvParser<Out> | undefined;
    super({
      ...CSV_OPTIONS,
      on_skip: (error) => {
        if (!self || !error) return undefined;
        onMalformed(self.#startLine(), error);
        // Resynchronise on csv-parse's own count after a record it gave up on.
        self.#prevEnd += self.info.lines - self.#prevInfoLines;
        self.#remember();
        return undefined;
      },
    });
    self = this;
  }

  #startLine(): number {
    return this.#prevEnd + 1 + (this.info.empty_lines - this.#prevEmpty);
  }

  #remember() {
    this.#prevInfoLines = this.info.lines;
    this.#prevEmpty = this.info.empty_lines;
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) {
      const last = this.onEnd();
      if (last !== undefined) super.push(last);
      return super.push(null);
    }
    const fields = chunk as string[];
    const line = this.#startLine();
    const spanned = this.info.lines - this.#prevInfoLines - (this.info.empty_lines - this.#prevEmpty);
    this.#prevEnd = line + (spanned > 1 ? lineBreaks(fields) : 0);
    this.#remember();
    const out = this.onRecord({ line, fields });
    return out === undefined ? true : super.push(out, encoding);
  }
}

/** Every record of a CSV source with its starting line; a malformed record throws. */
export async function* readCsv(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  let malformed: Error | undefined;
  const parser = new NumberedCsvParser<CsvRecord>(
    (r) => r,
    (line, e) => (malformed ??= new Error(`line ${line}: ${e.message}`)),
  );
  for await (const record of pipeline(Readable.from(chunks), parser, () => {})) {
    if (malformed) break;
    yield record as CsvRecord;
  }
  if (malformed) throw malformed;
}

/** Quotes a value for CSV output when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
