/**
 * A streaming RFC 4180 CSV reader: quoted fields, doubled quotes, commas and line breaks inside
 * quotes, CRLF or LF. Yields each record with the 1-based line number it starts on.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export async function* readCsv(chunks: AsyncIterable<string | Buffer> | Iterable<string>): AsyncGenerator<CsvRecord> {
  let field = "";
  let fields: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // the previous char was a quote inside a quoted field
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;

  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const rec = { line: recordLine, fields };
    field = "";
    fields = [];
    // A blank line is not a record.
    if (rec.fields.length === 1 && rec.fields[0] === "") return undefined;
    return rec;
  };

  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (c === "\n") continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          inQuotes = false; // closing quote; fall through to handle c outside quotes
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          if (c === "\n") line++;
          field += c;
          continue;
        }
      }
      if (c === '"' && field === "") {
        inQuotes = true;
      } else if (c === ",") {
        fields.push(field);
        field = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r") pendingCR = true;
        const rec = endRecord();
        line++;
        recordLine = line;
        if (rec) yield rec;
      } else {
        field += c;
      }
    }
  }
  if (quoteSeen) inQuotes = false;
  if (field !== "" || fields.length > 0) {
    const rec = endRecord();
    if (rec) yield rec;
  }
}

/** Quotes a value for CSV output when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
