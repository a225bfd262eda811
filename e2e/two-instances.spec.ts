import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { ARGON2_PARAMS } from "../lib/auth/password";
import { serverActionId } from "../scripts/lib/measure";
import { E2E_PORT, E2E_SECRETS } from "./support/env";
import { dropDatabase, freshDatabase, mockResend, startInstance } from "./support/instances";

// Two app servers against one PostgreSQL, as production runs them behind a load balancer: limits,
// lockout and sessions are shared; the outbox is delivered exactly once with two dispatchers
// (Resend mocked at the network edge, counting calls); two cron calls at once deny each request once.

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const DB = `two_instances_${process.pid}`;
const PASSWORD = "Two-Servers-42x!";
let sql: postgres.Sql;
let resend: Awaited<ReturnType<typeof mockResend>>;
let a: Awaited<ReturnType<typeof startInstance>>;
let b: Awaited<ReturnType<typeof startInstance>>;
let address = 0;
const from = () => ({ "x-forwarded-for": `198.19.${Math.floor(Math.random() * 250)}.${++address % 250}` });

test.beforeAll(async () => {
  const url = await freshDatabase(DB);
  sql = postgres(url, { max: 2, onnotice: () => {} });
  resend = await mockResend();
  const mail = { RESEND_API_KEY: "re_two_instances_test", MAIL_FROM: "Portal <portal@e2e.example>", RESEND_BASE_URL: resend.url };
  [a, b] = await Promise.all([startInstance(E2E_PORT + 10, url, mail), startInstance(E2E_PORT + 11, url, mail)]);
});

test.afterAll(async () => {
  a?.stop();
  b?.stop();
  await resend?.close();
  await sql?.end();
  await dropDatabase(DB);
});

async function account(email: string) {
  await sql`
    insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
    values (${email}, ${await hash(PASSWORD, ARGON2_PARAMS)}, 'Two', 'Servers', 'q', 'x', now())`;
}

/** next-auth's credentials sign-in over HTTP against one server: the session cookie, or the error code. */
async function signIn(base: string, email: string, password: string): Promise<{ cookie?: string; error?: string }> {
  const headers = from();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (session) return { cookie: `${csrfCookie}; ${session.split(";")[0]}` };
  const location = res.headers.get("location") ?? ((await res.json()) as { url?: string }).url ?? "";
  return { error: new URL(location, base).searchParams.get("error") ?? "unknown" };
}

test("a session opened on one server is honoured, and ended, on the other", async () => {
  await account("shared.session@two.example");
  const { cookie } = await signIn(a.url, "shared.session@two.example", PASSWORD);
  expect(cookie).toBeTruthy();
  // Live on B: the MFA step opens (not sign-in).
  const onB = await fetch(`${b.url}/mfa/setup`, { headers: { cookie: cookie! }, redirect: "manual" });
  expect(onB.status).toBe(200);
  expect(await (await fetch(`${b.url}/api/auth/session`, { headers: { cookie: cookie! } })).json()).toHaveProperty("expires");
  // Signed out through A: B refuses it on the next request.
  const { csrfToken } = (await (await fetch(`${a.url}/api/auth/csrf`, { headers: { cookie: cookie! } })).json()) as { csrfToken: string };
  await fetch(`${a.url}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookie!, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  const after = await fetch(`${b.url}/mfa/setup`, { headers: { cookie: cookie! }, redirect: "manual" });
  expect(after.status).toBe(307);
  expect(after.headers.get("location")).toContain("/login");
  expect(await (await fetch(`${b.url}/api/auth/session`, { headers: { cookie: cookie! } })).json()).toEqual({});
});

test("five wrong passwords spread over both servers lock the account on both", async () => {
  await account("shared.lockout@two.example");
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push((await signIn(i % 2 ? b.url : a.url, "shared.lockout@two.example", `Wrong-${i}-Pass!`)).error);
  expect(answers).toEqual(["invalid:4", "invalid:3", "invalid:2", "invalid:1", "locked"]);
  expect((await signIn(a.url, "shared.lockout@two.example", PASSWORD)).error).toBe("locked");
  expect((await signIn(b.url, "shared.lockout@two.example", PASSWORD)).error).toBe("locked");
});

test("a per-address limit counts requests to both servers together", async () => {
  const id = serverActionId("app/(public)/forgot-password/actions.ts", "forgotPasswordAction");
  const client = { "x-forwarded-for": "198.19.255.7" };
  const answers: boolean[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await fetch(`${i % 2 ? b.url : a.url}/forgot-password`, {
      method: "POST",
      headers: { ...client, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: i % 2 ? b.url : a.url },
      body: JSON.stringify([{ email: `limit${i}@two.example` }]),
    });
    answers.push((await res.text()).includes("rateLimited"));
  }
  expect(answers).toEqual([...Array(10).fill(false), true]);
});

test("two dispatchers deliver each outbox row exactly once", async () => {
  const recipients = Array.from({ length: 60 }, (_, i) => `outbox${i}@two.example`);
  await sql`
    insert into outbox (channel, recipient, template, subject, body_text)
    select 'email', r, 'two-instances', 'Hello', 'Body' from unnest(${recipients}::text[]) as r`;
  await expect
    .poll(async () => (await sql<{ n: number }[]>`select count(*)::int as n from outbox where template = 'two-instances' and status = 'sent'`)[0]!.n, { timeout: 60_000 })
    .toBe(60);
  const mine = resend.sent.filter((s) => recipients.includes(s.to));
  expect(mine).toHaveLength(60);
  expect(new Set(mine.map((s) => s.to)).size).toBe(60);
  expect(new Set(mine.map((s) => s.key)).size).toBe(60);
});

test("two cron calls at once, one to each server, deny each expired request once", async () => {
  const [provider] = await sql<{ id: string }[]>`select id from providers where provider_number = '100200300'`;
  await sql`
    insert into access_requests (provider_id, program, first_name, last_name, position_title, email, phone, reason, created_at)
    select ${provider!.id}, 'medicare', 'Old', 'Request', 'x', 'expired' || g || '@two.example', '614-555-0100', 'x', now() - interval '6 days'
    from generate_series(1, 500) as g`;
  const call = (base: string) => fetch(`${base}/api/cron/cleanup`, { method: "POST", headers: { authorization: `Bearer ${E2E_SECRETS.CRON_SECRET}` } }).then((r) => r.json() as Promise<{ autoDenied: number }>);
  const [ra, rb] = await Promise.all([call(a.url), call(b.url)]);
  expect(ra.autoDenied + rb.autoDenied).toBe(500);
  const [denied] = await sql<{ n: number }[]>`select count(*)::int as n from access_requests where email like 'expired%@two.example' and status = 'denied' and decided_automatically = 'cron'`;
  expect(denied!.n).toBe(500);
  const [mails] = await sql<{ n: number; distinct: number }[]>`
    select count(*)::int as n, count(distinct recipient)::int as distinct from outbox where recipient like 'expired%@two.example' and template = 'access-request-auto-denied'`;
  expect(mails).toEqual({ n: 500, distinct: 500 });
  const [audits] = await sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = 'access_request.auto_denied'`;
  expect(audits!.n).toBe(500);
});
