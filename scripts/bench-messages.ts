import { and, eq, sql } from "drizzle-orm";
import { messageParticipants, providerMemberships, providers, users } from "../db/schema";
import { listBox, unreadThreadCount } from "../lib/messages/box";
import { startThreads, type NewThread } from "../lib/messages/deliver";
import { demoRegistryCsv } from "../lib/registry/demo";
import { importRegistry } from "../lib/registry/import";
import { openScriptDatabase } from "./db";
import { reportResult } from "./lib/measure";

// npm run bench:messages -- [MESSAGES] [RUNS]: the first page of a Message Box holding MESSAGES
// (default 10,000) conversations for one member, timed server-side as the /messages page calls it
// (listBox + the unread count beside "Message Box"), RUNS times (default 300), beside the floor: a
// bare `select 1` round trip on the same connection pool in the same run. Target: p95 < 50 ms.
// Point DATABASE_URL at a scratch database; the bench member is reused on a second run.
const total = Number(process.argv[2] ?? "10000");
const runs = Number(process.argv[3] ?? "300");
const handle = await openScriptDatabase();
const db = handle.db;

let [provider] = await db.select().from(providers).where(eq(providers.providerNumber, "100200300"));
if (!provider) {
  await importRegistry(db, (async function* () {
    yield demoRegistryCsv();
  })());
  [provider] = await db.select().from(providers).where(eq(providers.providerNumber, "100200300"));
}
const person = async (email: string, firstName: string) => {
  await db
    .insert(users)
    .values({ email, passwordHash: "x", firstName, lastName: "Bench", securityQuestion: "q", securityAnswerHash: "x", activatedAt: new Date() })
    .onConflictDoNothing();
  const [u] = await db.select().from(users).where(eq(users.email, email));
  await db
    .insert(providerMemberships)
    .values({ providerId: provider!.id, userId: u!.id, role: "user", permissions: ["message_box"], source: "association" })
    .onConflictDoNothing();
  return u!;
};
const reader = await person("bench-reader@bench.example", "Reader");
const writer = await person("bench-writer@bench.example", "Writer");

const [have] = await db
  .select({ n: sql<number>`count(*)::int` })
  .from(messageParticipants)
  .where(and(eq(messageParticipants.userId, reader.id), eq(messageParticipants.providerId, provider!.id)));
const missing = Math.max(0, total - Number(have?.n ?? 0));
const start = Date.now() - missing * 60_000;
for (let i = 0; i < missing; i += 1000) {
  const batch: NewThread[] = [];
  for (let j = i; j < Math.min(missing, i + 1000); j++) {
    batch.push({ providerId: provider!.id, subject: `Bench message ${j}`, notificationKind: null, senderUserId: writer.id, senderName: "Writer Bench", body: "x".repeat(400), recipientIds: [reader.id], at: new Date(start + j * 60_000) });
  }
  await db.transaction((tx) => startThreads(tx, batch));
}
await db.execute(sql`analyze message_participants`);
await db.execute(sql`analyze message_threads`);

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up, not counted
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(2);

const firstPage = await time(() => Promise.all([listBox(db, reader.id, provider!.id, "inbox", 1), unreadThreadCount(db, reader.id, provider!.id)]));
const listOnly = await time(() => listBox(db, reader.id, provider!.id, "inbox", 1));
const floor = await time(() => db.execute(sql`select 1`));
const page = await listBox(db, reader.id, provider!.id, "inbox", 1);
const unread = await unreadThreadCount(db, reader.id, provider!.id);
console.log(`${(Number(have?.n ?? 0) + missing).toLocaleString()} conversations for one member (${handle.kind}), ${runs} runs each:`);
console.log(`  first page (${page.rows.length} rows + unread count ${unread.toLocaleString()}): p50 ${pct(firstPage, 50)} ms, p95 ${pct(firstPage, 95)} ms, max ${firstPage.at(-1)!.toFixed(2)} ms`);
console.log(`  listBox alone:                                 p50 ${pct(listOnly, 50)} ms, p95 ${pct(listOnly, 95)} ms, max ${listOnly.at(-1)!.toFixed(2)} ms`);
console.log(`  floor (select 1 round trip):                   p50 ${pct(floor, 50)} ms, p95 ${pct(floor, 95)} ms, max ${floor.at(-1)!.toFixed(2)} ms`);
console.log(`  target: first page p95 < 50 ms: ${Number(pct(firstPage, 95)) < 50 ? "met" : "NOT met"}`);
reportResult({
  bench: "messages",
  measure: `Message Box first page, ${(Number(have?.n ?? 0) + missing).toLocaleString()} conversations (p50 / p95)`,
  result: `${pct(firstPage, 50)} / ${pct(firstPage, 95)} ms`,
  floor: `select 1: ${pct(floor, 50)} / ${pct(floor, 95)} ms`,
  target: "p95 < 50 ms",
  met: Number(pct(firstPage, 95)) < 50,
});
await handle.close();
