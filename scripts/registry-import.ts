import fs from "node:fs";
import { importRegistry, RegistryHeaderError } from "../lib/registry/import";
import { openScriptDatabase } from "./db";
import { relaunchWithImportHeapFlags } from "./lib/heap-flags";

relaunchWithImportHeapFlags();

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run registry:import -- FILE.csv");
  process.exit(2);
}
if (!fs.existsSync(file)) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}

const handle = await openScriptDatabase();
const started = performance.now();
try {
  const report = await importRegistry(handle.db, fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
    onProgress: (p) =>
      process.stderr.write(p.phase === "read" ? `  read ${p.done.toLocaleString("en-US")} rows\r` : `  merging: step ${p.done} of ${p.total}   \r`),
  });
  process.stderr.write("\n");
  for (const p of report.problems.slice(0, 200)) console.log(`line ${p.line}: ${p.providerNumber ? `provider ${p.providerNumber}: ` : ""}${p.reason}`);
  if (report.problemCount > 200) console.log(`... and ${(report.problemCount - 200).toLocaleString("en-US")} more bad lines${report.problemCount > report.problems.length ? ` (the report keeps the first ${report.problems.length})` : ""}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${report.rows.toLocaleString("en-US")} rows, ${report.providers.toLocaleString("en-US")} providers: ${report.inserted} added, ${report.updated} updated, ${report.unchanged} unchanged; ` +
      `${report.rejectedProviders} providers left out for ${report.problemCount} bad lines`,
  );
  console.log(
    `${seconds.toFixed(1)} s (reading ${report.seconds.stage.toFixed(1)} s, merging ${report.seconds.merge.toFixed(1)} s) = ${Math.round(report.rows / seconds).toLocaleString("en-US")} rows/s; ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
  process.exitCode = report.problemCount ? 1 : 0;
} catch (e) {
  if (e instanceof RegistryHeaderError) {
    console.error(e.message);
    process.exitCode = 2;
  } else throw e;
} finally {
  await handle.close();
}
