import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateRegistryCsv } from "../lib/registry/generate";
import { importRegistry } from "../lib/registry/import";
import { openScriptDatabase } from "./db";

// npm run bench:import -- [ROWS]: writes a synthetic registry CSV, imports it twice (the second
// import must change nothing) and prints time, throughput and peak memory. Uses DATABASE_URL
// (point it at a scratch database) or the development PGlite.
const rows = Number(process.argv[2] ?? "1000000");
const file = path.join(os.tmpdir(), `registry-bench-${rows}.csv`);
if (!fs.existsSync(file)) {
  const out = fs.createWriteStream(file);
  for (const line of generateRegistryCsv(rows, 1)) if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
const handle = await openScriptDatabase();
for (const run of ["first import", "re-import"]) {
  const started = performance.now();
  const report = await importRegistry(handle.db, fs.createReadStream(file, { highWaterMark: 1 << 20 }));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${run}: ${report.rows.toLocaleString()} rows, ${report.providers.toLocaleString()} providers (${report.inserted} added, ${report.updated} updated, ${report.unchanged} unchanged) in ${seconds.toFixed(1)} s = ${Math.round(report.rows / seconds).toLocaleString()} rows/s`,
  );
}
clearInterval(sample);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${handle.kind})`);
await handle.close();
