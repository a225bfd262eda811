import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { rowsOf, type DbHandle } from "../db/client";
import { generateRegistryCsv } from "../lib/registry/generate";
import { importRegistry } from "../lib/registry/import";
import { REGISTRY_COLUMNS } from "../lib/registry/rows";
import { openScriptDatabase } from "./db";
import { relaunchWithImportHeapFlags } from "./lib/heap-flags";
import { reportResult } from "./lib/measure";

relaunchWithImportHeapFlags();

// npm run bench:import -- [ROWS] [--reset]: writes a synthetic registry CSV, loads it into an empty
// registry, imports it again (which must change nothing), then COPYs the same file into an unlogged
// table: the physical floor. Prints rows/s of each and the process's peak RSS. Uses DATABASE_URL
// (point it at a scratch database) or the development PGlite. --reset empties the registry first.
const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? "1000000");
const reset = process.argv.includes("--reset");
const file = path.join(os.tmpdir(), `registry-bench-${rows}.csv`);
if (!fs.existsSync(file)) {
  const out = fs.createWriteStream(file);
  for (const line of generateRegistryCsv(rows, 1)) if (!out.write(line)) await once(out, "drain");
  await new Promise<void>((r) => out.end(() => r()));
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
/** Peak resident set of this process so far (the kernel's high-water mark, no sampling). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString("en-US")} rows/s`;

const handle = await openScriptDatabase();
const [{ n: existing }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from providers`)) as [{ n: number }];
if (existing > 0) {
  if (!reset) {
    console.error(`The registry already holds ${existing} providers: the first load would not be one. Use a scratch database or pass --reset.`);
    await handle.close();
    process.exit(2);
  }
  await handle.db.execute(sql`truncate providers cascade`);
}

const lines: string[] = [`rows                ${rows.toLocaleString("en-US")} (${mib(fs.statSync(file).size)} file, ${handle.kind})`];
const rowsPerSecond: Record<string, number> = {};
for (const run of ["first load", "re-import"]) {
  if (run === "re-import") {
    // What autovacuum does after a load anyway, done now so it does not compete with the re-import.
    const started = performance.now();
    await handle.db.execute(sql`vacuum analyze providers, provider_addresses`);
    lines.push(`vacuum analyze     ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  (after the first load, before the re-import)`);
  }
  const started = performance.now();
  const report = await importRegistry(handle.db, fs.createReadStream(file, { highWaterMark: 1 << 20 }));
  const seconds = (performance.now() - started) / 1000;
  rowsPerSecond[run] = report.rows / seconds;
  lines.push(
    `${run.padEnd(20)}${seconds.toFixed(1).padStart(6)} s  ${rate(report.rows, seconds).padStart(16)}   ` +
      `(reading ${report.seconds.stage.toFixed(1)} s, merging ${report.seconds.merge.toFixed(1)} s) ` +
      `${report.providers.toLocaleString("en-US")} providers: ${report.inserted} added, ${report.updated} updated, ${report.unchanged} unchanged; ` +
      `peak RSS so far ${mib(peakRss())}`,
  );
}

const floorStarted = performance.now();
await copyFloor(handle, file);
const floorSeconds = (performance.now() - floorStarted) / 1000;
lines.push(`COPY floor          ${floorSeconds.toFixed(1).padStart(6)} s  ${rate(rows, floorSeconds).padStart(16)}   (the file as is into an unlogged table)`);
lines.push(`peak RSS            ${mib(peakRss())} (whole run)`);
lines.push(`machine             ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(lines.join("\n"));

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const floor = `COPY ${count(rows / floorSeconds)} rows/s`;
const size = `${count(rows)} rows`;
const peak = peakRss() / 2 ** 20;
reportResult({ bench: "import", measure: `first load, ${size}`, result: `${count(rowsPerSecond["first load"]!)} rows/s`, floor, target: "≥ 50,000 rows/s", met: rowsPerSecond["first load"]! >= 50_000 });
reportResult({ bench: "import", measure: `re-import unchanged, ${size}`, result: `${count(rowsPerSecond["re-import"]!)} rows/s`, floor, target: "≥ 100,000 rows/s", met: rowsPerSecond["re-import"]! >= 100_000 });
reportResult({ bench: "import", measure: `peak RSS, ${size}`, result: `${Math.round(peak)} MiB`, floor: "-", target: "≤ 256 MiB, flat", met: peak <= 256 });
await handle.close();

/** The same file, unvalidated, straight into an unlogged table of text columns. */
async function copyFloor(h: DbHandle, csvFile: string) {
  const client = (h.db as unknown as { $client: Sql | PGlite }).$client;
  const columns = REGISTRY_COLUMNS.map((c) => `${c} text`).join(", ");
  if (h.kind === "postgres") {
    const pg = client as Sql;
    await pg.unsafe(`drop table if exists registry_copy_floor`);
    await pg.unsafe(`create unlogged table registry_copy_floor (${columns})`);
    const copy = pg.unsafe(`copy registry_copy_floor from stdin with (format csv, header true)`);
    const writable = await copy.writable();
    for await (const chunk of fs.createReadStream(csvFile, { highWaterMark: 1 << 20 })) if (!writable.write(chunk)) await once(writable, "drain");
    writable.end();
    await finished(writable);
    await copy;
    await pg.unsafe(`drop table registry_copy_floor`);
    return;
  }
  // PGlite reads COPY input from a Blob: send the file in pieces cut at line ends (the generated file has no quoted line breaks).
  const pg = client as PGlite;
  await pg.query(`create unlogged table registry_copy_floor (${columns})`);
  let pending = "";
  let first = true;
  const flush = async (text: string) => {
    await pg.query(`copy registry_copy_floor from '/dev/blob' with (format csv, header ${first})`, [], { blob: new Blob([text]) });
    first = false;
  };
  for await (const chunk of fs.createReadStream(csvFile, { highWaterMark: 8 << 20, encoding: "utf8" })) {
    pending += chunk;
    const cut = pending.lastIndexOf("\n") + 1;
    if (cut > 0) {
      await flush(pending.slice(0, cut));
      pending = pending.slice(cut);
    }
  }
  if (pending) await flush(pending);
  await pg.query(`drop table registry_copy_floor`);
}
