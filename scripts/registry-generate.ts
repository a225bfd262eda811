import fs from "node:fs";
import { generateRegistryCsv } from "../lib/registry/generate";

// npm run registry:generate -- ROWS [FILE] [SEED]: a registry CSV of ROWS rows (stdout without FILE).
const rows = Number(process.argv[2] ?? "1000");
if (!Number.isInteger(rows) || rows < 1) {
  console.error("Usage: npm run registry:generate -- ROWS [FILE.csv] [SEED]");
  process.exit(2);
}
const out = process.argv[3] ? fs.createWriteStream(process.argv[3]) : process.stdout;
const seed = Number(process.argv[4] ?? "42");
let buffer = "";
for (const line of generateRegistryCsv(rows, seed)) {
  buffer += line;
  if (buffer.length > 1 << 20) {
    if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
    buffer = "";
  }
}
out.write(buffer);
if (out !== process.stdout) (out as fs.WriteStream).end();
