import fs from "node:fs";
import { importRegistry, RegistryHeaderError } from "../lib/registry/import";
import { openScriptDatabase } from "./db";

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
const started = Date.now();
try {
  const report = await importRegistry(handle.db, fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
    onProgress: (p) =>
      process.stderr.write(p.phase === "read" ? `  read ${p.done.toLocaleString()} rows\n` : `  wrote ${p.done.toLocaleString()} / ${p.total!.toLocaleString()} providers\r`),
  });
  process.stderr.write("\n");
  for (const p of report.problems.slice(0, 200)) console.log(`line ${p.line}: ${p.providerNumber ? `provider ${p.providerNumber}: ` : ""}${p.reason}`);
  if (report.problems.length > 200) console.log(`... and ${report.problems.length - 200} more bad lines`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${report.rows.toLocaleString()} rows, ${report.providers.toLocaleString()} providers: ${report.inserted} added, ${report.updated} updated, ${report.unchanged} unchanged; ${report.rejectedProviders} providers left out for ${report.problems.length} bad lines (${seconds} s)`,
  );
  process.exitCode = report.problems.length ? 1 : 0;
} catch (e) {
  if (e instanceof RegistryHeaderError) {
    console.error(e.message);
    process.exitCode = 2;
  } else throw e;
} finally {
  await handle.close();
}
