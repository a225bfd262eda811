import { sql } from "drizzle-orm";
import { rowsOf } from "../db/client";
import { systemClock } from "../lib/clock";
import type { Transports } from "../lib/mail/transports";
import { runCleanup } from "../lib/requests/cleanup";
import { openScriptDatabase } from "./db";
import { reportResult } from "./lib/measure";

// npm run bench:cron -- [N]: inserts N (default 100,000) access requests submitted 6 days ago
// straight into the database DATABASE_URL names, then times the cron cleanup (runCleanup, what
// /api/cron/cleanup runs) once and a second time, printing rows/s and peak RSS, beside a floor: a
// bare UPDATE that only flips the same rows to denied. The provider has an administrator, so each
// denial also writes a Message Box notification. Its rows are marked with an
// @bench-cron.example email and removed first, but point DATABASE_URL at a scratch database.
const total = Number(process.argv[2] ?? "100000");
if (!Number.isInteger(total) || total < 1) throw new Error("usage: npm run bench:cron -- [N]");
const DOMAIN = "@bench-cron.example";

const handle = await openScriptDatabase();
const db = handle.db;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function clearBenchRows() {
  await db.execute(sql`delete from message_threads where provider_id in (select id from providers where provider_number = 'BENCH-CRON')`);
  await db.execute(sql`delete from outbox where recipient like ${`%${DOMAIN}`}`);
  await db.execute(sql`delete from audit_events where action = 'access_request.auto_denied' and details->>'email' like ${`%${DOMAIN}`}`);
  await db.execute(sql`delete from access_requests where email like ${`%${DOMAIN}`}`);
  // As autovacuum would between real runs: the deleted rows' dead tuples would slow the next run.
  for (const table of ["outbox", "audit_events", "access_requests", "message_threads", "messages", "message_participants"]) await db.execute(sql.raw(`vacuum analyze ${table}`));
}

await clearBenchRows();
await db.execute(sql`
  insert into providers (provider_number, npi, provider_type, group_name, tax_id, program, search_name, fingerprint)
  values ('BENCH-CRON', '1999999999', 'group', 'Bench Cron Medical Group', '999999999', 'both', 'bench cron medical group', 'bench')
  on conflict (provider_number) do nothing`);
// An administrator, as every provider that can receive requests has: each denial also notifies their Message Box.
await db.execute(sql`
  insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
  values (${`admin${DOMAIN}`}, 'x', 'Bench', 'Admin', 'q', 'x', now()) on conflict (email) do nothing`);
await db.execute(sql`
  insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
  select p.id, u.id, 'admin', '{}', 'active', 'association' from providers p, users u
  where p.provider_number = 'BENCH-CRON' and u.email = ${`admin${DOMAIN}`}
  on conflict do nothing`);
let started = performance.now();
await db.execute(sql`
  insert into access_requests (provider_id, program, state, first_name, last_name, position_title, email, phone, reason, created_at)
  select p.id, 'medicaid', 'OH', 'Requester', 'Number ' || g, 'Billing Clerk', 'r' || g || ${DOMAIN}, '614-555-0100', 'bench', now() - interval '6 days'
  from providers p, generate_series(1, ${total}) g where p.provider_number = 'BENCH-CRON'`);
console.log(`inserted ${total.toLocaleString()} expired requests in ${seconds(performance.now() - started)} s (${handle.kind})`);

// The floor: the same rows flipped to denied by one bare UPDATE (no emails, no audit), then put back.
await db.execute(sql`vacuum analyze access_requests`);
started = performance.now();
await db.execute(sql`update access_requests set status = 'denied', decided_automatically = 'cron', decided_at = now() where status = 'pending' and created_at <= now() - interval '5 days'`);
const floorMs = performance.now() - started;
await db.execute(sql`update access_requests set status = 'pending', decided_automatically = null, decided_at = null where email like ${`%${DOMAIN}`}`);
await db.execute(sql`vacuum analyze access_requests`);
// Autovacuum is off on some servers (this machine's among them): without statistics on the
// memberships (the search bench may have written half a million), the planner picks a nested loop
// over them and the call takes minutes instead of seconds.
await db.execute(sql`analyze provider_memberships`);

// Delivery as in production, minus the network: the dispatcher's usual 25 rows per run.
let delivered = 0;
const transports: Transports = { email: { name: "bench-null", send: async () => void delivered++ } };
const svc = { db, clock: systemClock, mail: { appUrl: "https://portal.example.org", portalName: "Provider Portal", supportPhone: "1-866-449-6848", supportEmail: "support@portal.example.org" }, mfaKeyHex: "0".repeat(64) };

async function timedRun() {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const deliveredBefore = delivered;
  const counts = await runCleanup(svc, transports);
  const ms = performance.now() - t0;
  const sent = delivered - deliveredBefore;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { counts, ms, rssBefore, peak, sent };
}

const first = await timedRun();
const second = await timedRun();
const [emails] = rowsOf<{ n: number }>(
  await db.execute(sql`select count(*)::int as n from outbox where recipient like ${`%${DOMAIN}`} and template = 'access-request-auto-denied'`),
);
const emailCount = Number(emails?.n ?? 0);

console.log(
  [
    `first call: ${first.counts.autoDenied.toLocaleString()} denied in ${seconds(first.ms)} s = ${Math.round(first.counts.autoDenied / (first.ms / 1000)).toLocaleString()} rows/s, ${emailCount.toLocaleString()} emails queued, ${first.sent} delivered by the dispatcher in the same call; RSS ${mib(first.rssBefore)} MiB before, peak ${mib(first.peak)} MiB`,
    `second call: ${second.counts.autoDenied} denied, ${second.sent} delivered, in ${seconds(second.ms)} s; peak RSS ${mib(second.peak)} MiB`,
    `floor (bare UPDATE of the same ${total.toLocaleString()} rows): ${seconds(floorMs)} s = ${Math.round(total / (floorMs / 1000)).toLocaleString()} rows/s`,
    `process peak RSS (getrusage): ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
  ].join("\n"),
);
const floorText = `${seconds(floorMs)} s (bare UPDATE)`;
reportResult({ bench: "cron", measure: `${total.toLocaleString()} expired requests, first call`, result: `${seconds(first.ms)} s, ${Math.round(first.counts.autoDenied / (first.ms / 1000)).toLocaleString()} rows/s`, floor: floorText, target: "≤ 15 s", met: first.counts.autoDenied === total && first.ms <= 15_000 });
reportResult({ bench: "cron", measure: "second call", result: `${seconds(second.ms)} s`, floor: "-", target: "≤ 1 s", met: second.counts.autoDenied === 0 && second.ms <= 1000 });
reportResult({ bench: "cron", measure: "RSS during the first call", result: `${mib(first.rssBefore)} → ${mib(first.peak)} MiB`, floor: "-", target: "flat", met: null });
await clearBenchRows();
await handle.close();
