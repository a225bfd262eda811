import { hash, verify } from "@node-rs/argon2";
import postgres from "postgres";
import { ARGON2_PARAMS } from "../lib/auth/password";
import { lightClient } from "./lib/light-http";
import { benchAddress, percentile, pool, reportResult } from "./lib/measure";

// npm run bench:signin -- [URL] [SIGN_INS] [CONCURRENCY]: sign-in throughput of a running
// production server (it starts nothing), beside two floors measured in the same run:
// - raw argon2id verifies with the same parameters and concurrency, on this machine;
// - the framework's own cost of the same two requests: the CSRF fetch and a credentials POST that
//   next-auth refuses at its CSRF check (no database, no argon2). Sign-in cannot beat argon2 and
//   those two requests done back to back, so their combination is the ceiling printed beside the
//   ratio: what a sign-in that did no work of its own (no SQL, no session, no JWT) would reach.
// A sign-in is what a browser does: fetch the CSRF token, then POST the credentials, each from its
// own client address. Creates its accounts directly in DATABASE_URL (the server's database).
const base = process.argv[2] ?? "http://localhost:3000";
const total = Number(process.argv[3] ?? "400");
const concurrency = Number(process.argv[4] ?? "8");
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the measured server's database (accounts are created in it).");
const sql = postgres(process.env.DATABASE_URL, { max: 2, onnotice: () => {} });
const PASSWORD = "Bench-Harbor-42x!";
const passwordHash = await hash(PASSWORD, ARGON2_PARAMS);
const run = Date.now().toString(36);
// A server just started runs its first thousand or so sign-ins through cold code (the first few
// hundred about 30 % slower here); the warm-up brings it to the steady state a running portal is in.
const warmUp = Math.max(concurrency * 2, Math.min(1000, total * 2));
// At most 5 sign-ins per account, well inside the per-email limit.
const accounts = Array.from({ length: Math.ceil((total + warmUp) / 5) }, (_, i) => `signin-${run}-${i}@bench.example`);
await sql`
  insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
  select e, ${passwordHash}, 'Bench', 'Signin', 'q', 'bench', now() from unnest(${accounts}::text[]) as e`;

// The load generator shares the two cores with the server, so it uses node:http (lightClient).
const client = lightClient(concurrency);
let address = Math.floor(Math.random() * 50_000);

async function argon2Rate(count: number): Promise<number> {
  const started = performance.now();
  await pool(count, concurrency, () => verify(passwordHash, PASSWORD));
  return count / ((performance.now() - started) / 1000);
}

async function csrf(from: Record<string, string>): Promise<{ cookie: string; csrfToken: string }> {
  const res = await client.request(`${base}/api/auth/csrf`, { headers: from });
  const cookie = res.setCookies.map((c) => c.split(";")[0]).join("; ");
  return { cookie, csrfToken: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

function postCredentials(from: Record<string, string>, cookie: string, fields: Record<string, string>) {
  return client.request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...from, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, json: "true" }).toString(),
  });
}

async function signIn(i: number): Promise<number> {
  const started = performance.now();
  const from = { "x-forwarded-for": benchAddress(address++) };
  const { cookie, csrfToken } = await csrf(from);
  const res = await postCredentials(from, cookie, { csrfToken, email: accounts[i % accounts.length]!, password: PASSWORD });
  const signedIn = res.setCookies.some((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  if (!signedIn) throw new Error(`sign-in ${i} failed: ${res.status} ${res.location ?? res.body.slice(0, 200)}`);
  return performance.now() - started;
}

/** The same two requests, refused at next-auth's CSRF check: the framework's floor for one sign-in. */
async function frameworkPairRate(count: number): Promise<number> {
  const started = performance.now();
  await pool(count, concurrency, async () => {
    const from = { "x-forwarded-for": benchAddress(address++) };
    const { cookie, csrfToken } = await csrf(from);
    const res = await postCredentials(from, cookie, { csrfToken: `${csrfToken}0`, email: "nobody@bench.example", password: PASSWORD });
    if (!res.body.includes("csrf=true")) throw new Error(`expected a CSRF refusal, got ${res.status} ${res.body.slice(0, 200)}`);
  });
  return count / ((performance.now() - started) / 1000);
}

try {
  await argon2Rate(concurrency * 2);
  await pool(warmUp, concurrency, (i) => signIn(total + i));
  await frameworkPairRate(warmUp * 2);
  // Floors before and after the sign-ins; each floor is the mean of its two runs.
  const argon2Before = await argon2Rate(total / 2);
  const pairsBefore = await frameworkPairRate(total * 2);
  const started = performance.now();
  const latencies = (await pool(total, concurrency, signIn)).sort((a, b) => a - b);
  const signInRate = total / ((performance.now() - started) / 1000);
  const pairsAfter = await frameworkPairRate(total * 2);
  const argon2After = await argon2Rate(total / 2);
  const argon2 = (argon2Before + argon2After) / 2;
  const pairs = (pairsBefore + pairsAfter) / 2;
  // Both floors need the same two cores: a sign-in costs at least the sum of their CPU times.
  const ceiling = 1 / (1 / argon2 + 1 / pairs);
  const ratio = signInRate / argon2;
  const p95 = percentile(latencies, 95);
  console.log(`raw argon2id verify (m=${ARGON2_PARAMS.memoryCost}, t=${ARGON2_PARAMS.timeCost}, ${concurrency} concurrent): ${argon2.toFixed(1)} verifies/s (${argon2Before.toFixed(1)} before, ${argon2After.toFixed(1)} after)`);
  console.log(`framework floor (CSRF fetch + credentials POST refused at the CSRF check, ${concurrency} concurrent): ${pairs.toFixed(0)} pairs/s (${pairsBefore.toFixed(0)} before, ${pairsAfter.toFixed(0)} after)`);
  console.log(`ceiling for a sign-in that does nothing but argon2 and those two requests: ${ceiling.toFixed(1)} sign-ins/s = ratio ${(ceiling / argon2).toFixed(2)}`);
  console.log(`sign-in (CSRF + credentials POST, ${concurrency} concurrent, ${total} sign-ins after ${warmUp} to warm up): ${signInRate.toFixed(1)} sign-ins/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`);
  console.log(`ratio sign-ins/s ÷ verifies/s = ${ratio.toFixed(2)} (target ≥ 0.70; ceiling ${(ceiling / argon2).toFixed(2)}; ${((100 * signInRate) / ceiling).toFixed(0)} % of the ceiling; p95 target ≤ 150 ms)`);
  reportResult({
    bench: "signin",
    measure: `sign-ins/s, ${concurrency} concurrent (ratio to argon2; ceiling ratio)`,
    result: `${signInRate.toFixed(1)} (${ratio.toFixed(2)}; ceiling ${(ceiling / argon2).toFixed(2)})`,
    floor: `${argon2.toFixed(1)} verifies/s; ${pairs.toFixed(0)} empty pairs/s`,
    target: "ratio ≥ 0.70",
    met: ratio >= 0.7,
  });
  reportResult({ bench: "signin", measure: "sign-in p95", result: `${p95.toFixed(0)} ms`, floor: "-", target: "≤ 150 ms", met: p95 <= 150 });
} finally {
  client.close();
  await sql`delete from sessions where user_id in (select id from users where email like ${`signin-${run}-%`})`;
  await sql`delete from users where email like ${`signin-${run}-%`}`;
  await sql.end();
}
