import postgres from "postgres";
import { benchAddress, mannWhitneyP, median, reportResult, serverActionId } from "./lib/measure";

// npm run bench:timing -- [URL] [N]: does Forgot password (and Resend activation) take as long for
// an email without an account as for one with? Against a running production build of this
// checkout (`npm run build && npm start`, or scripts/e2e-server.sh) whose database DATABASE_URL
// names: creates N accounts directly, then sends N requests for known and N for unknown emails in
// random order, one at a time, each from its own address (so no limit refuses them), through the
// same server action the form uses. Prints both medians, their difference and a Mann–Whitney p
// value (small p: the two can be told apart), beside the median of GET /api/health as the floor.
const base = process.argv[2] ?? "http://localhost:3000";
const n = Number(process.argv[3] ?? "100");
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the measured server's database (accounts are created in it).");
const sql = postgres(process.env.DATABASE_URL, { max: 2, onnotice: () => {} });
const run = Date.now().toString(36);
let address = Math.floor(Math.random() * 60_000);

async function createAccounts(prefix: string, activated: boolean): Promise<string[]> {
  const emails = Array.from({ length: n }, (_, i) => `${prefix}-${run}-${i}@bench.example`);
  await sql`
    insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
    select e, 'bench', 'Bench', 'Timing', 'q', 'bench', ${activated ? sql`now()` : null} from unnest(${emails}::text[]) as e`;
  return emails;
}

async function timeAction(page: string, id: string, email: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base, "x-forwarded-for": benchAddress(address++) },
    body: JSON.stringify([{ email }]),
  });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (!res.ok || text.includes("rateLimited")) throw new Error(`${page} answered ${res.status}: ${text.slice(0, 200)}`);
  return elapsed;
}

async function compare(label: string, page: string, id: string, known: string[]) {
  const unknown = known.map((e) => e.replace("@bench.example", "-nobody@bench.example"));
  for (let i = 0; i < 10; i++) await timeAction(page, id, `warmup-${run}-${label.length}-${i}@bench.example`);
  const order = [...known.map((e) => ({ e, k: true })), ...unknown.map((e) => ({ e, k: false }))].sort(() => Math.random() - 0.5);
  const times = { known: [] as number[], unknown: [] as number[] };
  for (const { e, k } of order) (k ? times.known : times.unknown).push(await timeAction(page, id, e));
  const [a, b] = [median(times.known), median(times.unknown)];
  const p = mannWhitneyP(times.known, times.unknown);
  console.log(
    `${label.padEnd(18)} known ${a.toFixed(2)} ms   unknown ${b.toFixed(2)} ms   difference ${(a - b).toFixed(2)} ms   Mann-Whitney p = ${p.toPrecision(2)}   (n = ${n} each)`,
  );
  // p above 0.01: the two cases cannot be told apart at the 1 % level with this many tries.
  reportResult({ bench: "timing", measure: `${label}: known vs unknown email, median`, result: `${a.toFixed(1)} vs ${b.toFixed(1)} ms, p = ${p.toPrecision(2)}`, floor: `${healthMedian.toFixed(1)} ms (GET /api/health)`, target: "p > 0.01", met: p > 0.01 });
}

const health: number[] = [];
for (let i = 0; i < 50; i++) {
  const started = performance.now();
  await (await fetch(`${base}/api/health`)).text();
  health.push(performance.now() - started);
}
const healthMedian = median(health);
console.log(`floor: GET /api/health median ${healthMedian.toFixed(2)} ms`);
const activated = await createAccounts("timing-forgot", true);
const inactive = await createAccounts("timing-resend", false);
try {
  await compare("forgot password", "/forgot-password", serverActionId("app/(public)/forgot-password/actions.ts", "forgotPasswordAction"), activated);
  await compare("resend activation", "/resend-activation", serverActionId("app/(public)/resend-activation/actions.ts", "resendActivationAction"), inactive);
} finally {
  await sql`delete from users where email like ${`timing-%-${run}-%@bench.example`}`;
  await sql.end();
}
