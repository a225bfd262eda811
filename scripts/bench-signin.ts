import { hash, verify } from "@node-rs/argon2";
import postgres from "postgres";
import { ARGON2_PARAMS } from "../lib/auth/password";
import { benchAddress, percentile, pool, reportResult } from "./lib/measure";

// npm run bench:signin -- [URL] [SIGN_INS] [CONCURRENCY]: sign-in throughput of a running
// production server (it starts nothing), beside the physical floor measured in the same run: raw
// argon2id verifies with the same parameters and concurrency, on this machine. A sign-in is what a
// browser does: fetch the CSRF token, then POST the credentials, each from its own client address.
// Creates its accounts directly in DATABASE_URL (the server's database), a fresh set per run.
const base = process.argv[2] ?? "http://localhost:3000";
const total = Number(process.argv[3] ?? "400");
const concurrency = Number(process.argv[4] ?? "8");
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the measured server's database (accounts are created in it).");
const sql = postgres(process.env.DATABASE_URL, { max: 2, onnotice: () => {} });
const PASSWORD = "Bench-Harbor-42x!";
const passwordHash = await hash(PASSWORD, ARGON2_PARAMS);
const run = Date.now().toString(36);
// At most 5 sign-ins per account, well inside the per-email limit.
const accounts = Array.from({ length: Math.ceil(total / 5) }, (_, i) => `signin-${run}-${i}@bench.example`);
await sql`
  insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
  select e, ${passwordHash}, 'Bench', 'Signin', 'q', 'bench', now() from unnest(${accounts}::text[]) as e`;

async function argon2Rate(count: number): Promise<number> {
  const started = performance.now();
  await pool(count, concurrency, () => verify(passwordHash, PASSWORD));
  return count / ((performance.now() - started) / 1000);
}

let address = Math.floor(Math.random() * 50_000);
async function signIn(i: number): Promise<number> {
  const started = performance.now();
  const from = { "x-forwarded-for": benchAddress(address++) };
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: from });
  const cookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...from, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: accounts[i % accounts.length]!, password: PASSWORD, json: "true" }),
  });
  const body = await res.text();
  const signedIn = (res.headers.getSetCookie?.() ?? []).some((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  if (!signedIn) throw new Error(`sign-in ${i} failed: ${res.status} ${res.headers.get("location") ?? body.slice(0, 200)}`);
  return performance.now() - started;
}

try {
  // Warm both up, then floor, sign-ins, floor again: the floor is the mean of the two.
  await argon2Rate(concurrency * 2);
  await pool(concurrency * 2, concurrency, (i) => signIn(total + i));
  const before = await argon2Rate(total / 2);
  const started = performance.now();
  const latencies = (await pool(total, concurrency, signIn)).sort((a, b) => a - b);
  const signInRate = total / ((performance.now() - started) / 1000);
  const after = await argon2Rate(total / 2);
  const floor = (before + after) / 2;
  console.log(`raw argon2id verify (m=${ARGON2_PARAMS.memoryCost}, t=${ARGON2_PARAMS.timeCost}, ${concurrency} concurrent): ${floor.toFixed(1)} verifies/s (${before.toFixed(1)} before, ${after.toFixed(1)} after)`);
  console.log(`sign-in (CSRF + credentials POST, ${concurrency} concurrent, ${total} sign-ins): ${signInRate.toFixed(1)} sign-ins/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`);
  console.log(`ratio sign-ins/s ÷ verifies/s = ${(signInRate / floor).toFixed(2)} (target ≥ 0.70; p95 target ≤ 150 ms)`);
  const p95 = percentile(latencies, 95);
  reportResult({ bench: "signin", measure: `sign-ins/s, ${concurrency} concurrent (ratio to argon2)`, result: `${signInRate.toFixed(1)} (${(signInRate / floor).toFixed(2)})`, floor: `${floor.toFixed(1)} verifies/s`, target: "ratio ≥ 0.70", met: signInRate / floor >= 0.7 });
  reportResult({ bench: "signin", measure: "sign-in p95", result: `${p95.toFixed(0)} ms`, floor: "-", target: "≤ 150 ms", met: p95 <= 150 });
} finally {
  await sql`delete from sessions where user_id in (select id from users where email like ${`signin-${run}-%`})`;
  await sql`delete from users where email like ${`signin-${run}-%`}`;
  await sql.end();
}
