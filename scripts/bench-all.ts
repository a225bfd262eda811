import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { migrateDatabase, openDatabase } from "../db/client";
import { RESULT_PREFIX, type BenchResult } from "./lib/measure";

// npm run bench [-- --quick] [-- --no-build]: every benchmark, one after the other, against a
// scratch database on the PostgreSQL server that DATABASE_URL names (default the local one), and
// one table at the end. Builds the production app (unless --no-build), starts it on port 3300 for
// the benchmarks that measure the server (sign-in, timing), and drops the scratch database after.
// --quick runs smaller sizes to check the benchmarks work; the targets are for the full sizes.
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const scratchName = `bench_${Date.now().toString(36)}`;
const scratch = new URL(adminUrl);
scratch.pathname = `/${scratchName}`;
const scratchUrl = scratch.toString();
const port = Number(process.env.BENCH_PORT || 3300);
const base = `http://localhost:${port}`;

interface Step {
  script: string;
  args: string[];
  needsServer?: boolean;
}
// The search generates its own providers (numbers starting with "B") beside the imported ones and
// keeps them between its two runs: 10 % of them registered, then 50 %.
const STEPS: Step[] = [
  { script: "scripts/bench-import.ts", args: [quick ? "100000" : "1000000"] },
  { script: "scripts/bench-search.ts", args: [quick ? "100000" : "1000000", "0.1"] },
  { script: "scripts/bench-search.ts", args: [quick ? "100000" : "1000000", "0.5"] },
  { script: "scripts/bench-cron.ts", args: [quick ? "10000" : "100000"] },
  { script: "scripts/bench-messages.ts", args: [quick ? "2000" : "10000"] },
  { script: "scripts/bench-signin.ts", args: [base, quick ? "80" : "400", "8"], needsServer: true },
  { script: "scripts/bench-timing.ts", args: [base, quick ? "30" : "100"], needsServer: true },
  { script: "scripts/bench-bundle.ts", args: [] },
];

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; results: BenchResult[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { env, stdio: ["ignore", "pipe", "inherit"] });
    const results: BenchResult[] = [];
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult);
        else console.log(`  ${line}`);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, results }));
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, stdio: "ignore", detached: true });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.kill(-child.pid!, "SIGTERM");
  throw new Error(`next start on port ${port} did not come up`);
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${scratchName}`);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: scratchUrl,
  APP_URL: base,
  NEXTAUTH_URL: base,
  NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
  CRON_SECRET: randomBytes(24).toString("hex"),
  MFA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  NEXT_TELEMETRY_DISABLED: "1",
};
let server: ChildProcess | undefined;
const table: BenchResult[] = [];
const failed: string[] = [];
try {
  const handle = await openDatabase({ url: scratchUrl, max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  if (!args.includes("--no-build")) {
    console.log("::: next build");
    const built = await run("node_modules/.bin/next", ["build"], env);
    if (built.code !== 0) throw new Error("next build failed");
  }
  for (const step of STEPS) {
    if (step.needsServer && !server) server = await startServer(env);
    console.log(`::: ${step.script} ${step.args.join(" ")}`);
    const { code, results } = await run("node_modules/.bin/tsx", [step.script, ...step.args], env);
    if (code !== 0) failed.push(`${step.script} (exit ${code})`);
    table.push(...results);
  }
} finally {
  if (server) process.kill(-server.pid!, "SIGTERM");
  await admin.unsafe(`drop database if exists ${scratchName} with (force)`);
  await admin.end();
}

const cpu = os.cpus();
console.log(`\nMachine: ${cpu.length} × ${cpu[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}${quick ? "; --quick sizes" : ""}`);
const columns: Array<keyof BenchResult> = ["bench", "measure", "result", "floor", "target", "met"];
const cell = (r: BenchResult, c: keyof BenchResult) => (c === "met" ? (r.met === null ? "-" : r.met ? "yes" : "NO") : String(r[c]));
const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => cell(r, c).length)));
console.log(columns.map((c, i) => c.padEnd(widths[i]!)).join(" | "));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of table) console.log(columns.map((c, i) => cell(r, c).padEnd(widths[i]!)).join(" | "));
if (failed.length > 0) {
  console.log(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
