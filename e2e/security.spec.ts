import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { serverActionId } from "../scripts/lib/measure";
import { e2eSql } from "./support/db";
import { E2E_BASE_URL } from "./support/env";
import { newPerson, signedUpPerson } from "./support/people";

// The security test's findings, replayed against the production build the way the tester did:
// plain HTTP, crafted requests, no browser niceties.

const clientIp = () => `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

/** Signs in with the password alone over HTTP (next-auth's credentials endpoint), as a script would. */
async function passwordOnlySession(email: string, password: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "x-forwarded-for": clientIp() } });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);
  return api;
}

function callAction(api: APIRequestContext, page: string, id: string, body: string) {
  return api.post(page, {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: E2E_BASE_URL },
    data: body,
    maxRedirects: 0,
  });
}

test("finding 1: a password alone cannot enroll a new factor and so skip MFA", async ({ page }) => {
  const owner = newPerson("mfaowner");
  await signedUpPerson(page, owner);
  const [user] = await e2eSql()<{ id: string }[]>`select id from users where email = ${owner.email}`;

  const attacker = await passwordOnlySession(owner.email, owner.password);
  // The password passed: the session exists but has not passed MFA.
  // The setup's first step, for an authenticator app (which would hand out a key) and for SMS to the attacker's phone.
  const start = serverActionId("app/(auth)/mfa/actions.ts", "startEnrollmentAction");
  const totp = await callAction(attacker, "/mfa/setup", start, JSON.stringify([{ method: "totp" }]));
  expect(totp.status()).toBeLessThan(500);
  expect(totp.headers()["x-action-redirect"] ?? "").not.toContain("factor=");
  expect(await totp.text()).not.toMatch(/otpauth|"secret"/);
  const sms = await callAction(attacker, "/mfa/setup", start, JSON.stringify([{ method: "sms", phone: "(614) 555-0199" }]));
  expect(sms.status()).toBeLessThan(500);

  const factors = await e2eSql()<{ type: string; confirmed_at: Date | null }[]>`select type, confirmed_at from mfa_factors where user_id = ${user!.id}`;
  expect(factors).toEqual([{ type: "totp", confirmed_at: expect.any(Date) }]);
  const live = await e2eSql()<{ mfa_verified_at: Date | null }[]>`
    select mfa_verified_at from sessions where user_id = ${user!.id} and revoked_at is null order by created_at desc limit 1`;
  expect(live[0]!.mfa_verified_at).toBeNull();
  // Nothing past the challenge opens for it.
  const home = await attacker.get("/home", { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers()["location"]).toMatch(/\/mfa$/);
  await attacker.dispose();
});

test("finding 2: a crafted next= never leaves the portal after the password step", async ({ page }) => {
  const p = newPerson("redirect");
  await signedUpPerson(page, p);
  for (const next of ["/%5Cexample.net/x", "/%09/example.net/x", "//example.net", "https://example.net/"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(p.email);
    await page.getByLabel("Password").fill(p.password);
    await page.getByRole("button", { name: "Accept & Login" }).click();
    await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
  }
  // next-auth's own callbackUrl is held to the same rule.
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: p.email, password: p.password, callbackUrl: "/%5Cexample.net/x" },
    maxRedirects: 0,
  });
  expect(new URL(res.headers()["location"]!, E2E_BASE_URL).origin).toBe(E2E_BASE_URL);
  await api.dispose();
});

test("finding 3: rotating a forged X-Forwarded-For entry does not escape the per-address limit", async () => {
  const real = clientIp();
  const id = serverActionId("app/(public)/forgot-password/actions.ts", "forgotPasswordAction");
  const answers: string[] = [];
  for (let i = 0; i < 11; i++) {
    const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "x-forwarded-for": `10.66.${i}.${i}, ${real}` } });
    const res = await callAction(api, "/forgot-password", id, JSON.stringify([{ email: `rotate${i}.${Date.now()}@e2e.example` }]));
    answers.push(await res.text());
    await api.dispose();
  }
  expect(answers.slice(0, 10).every((a) => !a.includes("rateLimited"))).toBe(true);
  expect(answers[10]).toContain("rateLimited");
});

test("finding 8: the session endpoint never shows the session id, and nothing once the session is revoked", async ({ page }) => {
  const p = newPerson("sessionapi");
  await signedUpPerson(page, p);
  const live = await page.request.get("/api/auth/session");
  const body = (await live.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["expires"]);
  const [user] = await e2eSql()<{ id: string }[]>`select id from users where email = ${p.email}`;
  await e2eSql()`update sessions set revoked_at = now() where user_id = ${user!.id}`;
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("finding 8: the invitation continue route cannot be steered with prototype keys", async ({ request }) => {
  for (const to of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    const res = await request.get(`/invitations/continue?to=${to}`, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers()["location"]).toBe("/login");
  }
});

test("finding 8: scripts run only with the response's nonce", async ({ page }) => {
  const res = await page.goto("/login");
  const csp = res!.headers()["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  // A second response gets another nonce.
  const again = (await page.request.get("/login")).headers()["content-security-policy"]!;
  expect(again).not.toContain(nonce);
  // The page still works: React hydrated (the form validates on the client).
  await page.getByRole("button", { name: "Accept & Login" }).click();
  await expect(page.getByText("Enter your email").first()).toBeVisible();
});

test("finding 8: malformed or oversized server-action bodies get a 4xx, not a 500", async ({ request }) => {
  const id = serverActionId("app/(public)/forgot-password/actions.ts", "forgotPasswordAction");
  const send = (body: string, type = "text/plain;charset=UTF-8") =>
    request.post("/forgot-password", { headers: { "next-action": id, "content-type": type, origin: E2E_BASE_URL }, data: body, maxRedirects: 0 });
  expect((await send("{not json")).status()).toBe(400);
  expect((await send('"a string, not an argument list"')).status()).toBe(400);
  expect((await send("x".repeat(300 * 1024))).status()).toBe(413);
  expect((await send("[]", "application/json")).status()).toBe(415);
  // An action id that does not exist.
  const unknown = await request.post("/forgot-password", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: E2E_BASE_URL }, data: "[]" });
  expect(unknown.status()).toBeLessThan(500);
  // Input of the wrong shape reaches the action and is answered as a field error.
  const wrong = await send(JSON.stringify([{ email: "a\u0000b@x.example" }]));
  expect(wrong.status()).toBe(200);
  expect(await wrong.text()).toContain("fieldErrors");
});

test("next-auth's endpoints answer malformed sign-ins without a server error", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const forms: Record<string, string>[] = [
    { email: "a\u0000b@x.example", password: "x" },
    { email: "x".repeat(10_000), password: "y".repeat(10_000) },
    { email: "", password: "" },
    {},
  ];
  for (const form of forms) {
    const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, json: "true", ...form }, maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
  }
  // Without the CSRF token nothing is checked at all.
  const noCsrf = await request.post("/api/auth/callback/credentials", { form: { email: "a@b.example", password: "x" }, maxRedirects: 0 });
  expect(noCsrf.status()).toBeLessThan(500);
});
