import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accessRequests, auditEvents, invitations, outbox, providerMemberships, providers, rateLimits, sessions, userTokens, users } from "@/db/schema";
import { DAY, HOUR } from "@/lib/clock";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";
import { CTX, testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { ALREADY_DECIDED, approveRequest, denyRequest, listRequestsForProvider, WINDOW_PASSED } from "./decide";
import { searchRegisteredProviders } from "./directory";
import { autoDenyExpired, isAuthorizedCron, runCleanup } from "./cleanup";
import { submitAccessRequest } from "./submit";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());

const MARY_NPI = "1234567893";
const BUCKEYE_NPI = "1093814758";
let mary: string;
let buckeye: string;
let n = 0;

async function person(label = "p") {
  n++;
  const [u] = await t.db
    .insert(users)
    .values({ email: `${label}${n}@x.example`, passwordHash: "x", firstName: "Ada", lastName: `Admin${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: new Date() })
    .returning();
  return u!;
}
async function member(providerId: string, role: "admin" | "user", status: "active" | "revoked" = "active") {
  const u = await person(role);
  await t.db.insert(providerMemberships).values({ providerId, userId: u.id, role, permissions: [], status, source: "association" });
  return u;
}

beforeEach(async () => {
  await t.reset();
  await importRegistry(t.db, (async function* () {
    yield demoRegistryCsv();
  })());
  const all = await t.db.select().from(providers);
  mary = all.find((p) => p.npi === MARY_NPI)!.id;
  buckeye = all.find((p) => p.npi === BUCKEYE_NPI)!.id;
});

const REQUEST = {
  program: "both",
  state: "OH",
  npi: MARY_NPI,
  firstName: "Rosa",
  lastName: "Diaz",
  positionTitle: "Billing Manager",
  email: "rosa@example.org",
  confirmEmail: "rosa@example.org",
  phoneArea: "614",
  phonePrefix: "555",
  phoneLine: "0100",
  phoneExtension: "12",
  reason: "I handle claims for this office.",
};

async function mails(to: string, template?: string) {
  const rows = await t.db.select().from(outbox).where(eq(outbox.recipient, to));
  return template ? rows.filter((r) => r.template === template) : rows;
}
async function onlyRequest() {
  const rows = await t.db.select().from(accessRequests);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("searchRegisteredProviders", () => {
  it("finds only providers with an active administrator, by NPI, name or city", async () => {
    expect(await searchRegisteredProviders(t.db, "mary")).toEqual([]);
    await member(mary, "admin");
    await member(buckeye, "admin", "revoked");
    await member(buckeye, "user");
    expect(await searchRegisteredProviders(t.db, "MARY ann")).toEqual([{ id: mary, name: "Mary Ann Smith", npi: MARY_NPI, city: "Columbus" }]);
    expect((await searchRegisteredProviders(t.db, "1234567")).map((p) => p.id)).toEqual([mary]);
    expect((await searchRegisteredProviders(t.db, "dubl")).map((p) => p.id)).toEqual([mary]);
    expect(await searchRegisteredProviders(t.db, "buckeye")).toEqual([]);
    expect(await searchRegisteredProviders(t.db, "m")).toEqual([]);
    expect(await searchRegisteredProviders(t.db, "%")).toEqual([]);
    expect(await searchRegisteredProviders(t.db, "_a%")).toEqual([]);
  });

  it("follows the memberships: losing the last active administrator hides a provider, gaining one shows it", async () => {
    const admin = await member(mary, "admin");
    const found = async () => (await searchRegisteredProviders(t.db, "smith")).map((p) => p.id);
    expect(await found()).toEqual([mary]);
    const adminOf = and(eq(providerMemberships.userId, admin.id), eq(providerMemberships.providerId, mary));
    await t.db.update(providerMemberships).set({ status: "revoked" }).where(adminOf);
    expect(await found()).toEqual([]);
    await t.db.update(providerMemberships).set({ status: "active" }).where(adminOf);
    expect(await found()).toEqual([mary]);
    // A second administrator keeps it registered when the first is demoted; deleting that one hides it.
    const second = await member(mary, "admin");
    await t.db.update(providerMemberships).set({ role: "user" }).where(adminOf);
    expect(await found()).toEqual([mary]);
    await t.db.delete(providerMemberships).where(and(eq(providerMemberships.userId, second.id), eq(providerMemberships.providerId, mary)));
    expect(await found()).toEqual([]);
  });
});

describe("submitAccessRequest", () => {
  it("stores the request and emails the requester and every active administrator", async () => {
    const svc = testServices(t);
    const a1 = await member(mary, "admin");
    const a2 = await member(mary, "admin");
    const revoked = await member(mary, "admin", "revoked");
    const user = await member(mary, "user");
    expect(await submitAccessRequest(svc, REQUEST, CTX)).toEqual({ ok: true });
    const r = await onlyRequest();
    expect(r).toMatchObject({ providerId: mary, status: "pending", phone: "614-555-0100", phoneExtension: "12", state: "OH", program: "both", ip: CTX.ip });
    expect(await mails("rosa@example.org", "access-request-received")).toHaveLength(1);
    expect((await mails("rosa@example.org"))[0]!.bodyText).toContain("5 days");
    for (const a of [a1, a2]) expect(await mails(a.email, "access-request-admin")).toHaveLength(1);
    for (const a of [revoked, user]) expect(await mails(a.email)).toHaveLength(0);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "access_request.submitted"));
    expect(audits[0]).toMatchObject({ providerId: mary });
  });

  it("does not duplicate a second identical pending request, yet answers the same", async () => {
    const svc = testServices(t);
    await member(mary, "admin");
    const results = await Promise.all([submitAccessRequest(svc, REQUEST, CTX), submitAccessRequest(svc, { ...REQUEST, email: "ROSA@example.org " }, CTX)]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    await onlyRequest();
    expect(await mails("rosa@example.org")).toHaveLength(1);
    // Once the first has run out its 5 days, a new one is a new request.
    svc.clock.advance(5 * DAY);
    expect(await submitAccessRequest(svc, REQUEST, CTX)).toEqual({ ok: true });
    expect(await t.db.select().from(accessRequests)).toHaveLength(2);
  });

  it("refuses providers without an active administrator, however they are named", async () => {
    const svc = testServices(t);
    await member(buckeye, "admin", "revoked");
    expect(await submitAccessRequest(svc, { ...REQUEST, npi: BUCKEYE_NPI }, CTX)).toMatchObject({ ok: false, fieldErrors: { npi: expect.stringContaining("No provider") } });
    expect(await submitAccessRequest(svc, { ...REQUEST, npi: "", providerId: buckeye }, CTX)).toMatchObject({ ok: false, fieldErrors: { npi: expect.any(String) } });
    expect(await submitAccessRequest(svc, { ...REQUEST, npi: "", providerId: "not-a-uuid" }, CTX)).toMatchObject({ ok: false, fieldErrors: { npi: expect.any(String) } });
    expect(await submitAccessRequest(svc, { ...REQUEST, npi: "", providerName: "Buckeye Family Medicine" }, CTX)).toMatchObject({
      ok: false,
      fieldErrors: { providerName: expect.any(String) },
    });
    expect(await t.db.select().from(accessRequests)).toHaveLength(0);
    await member(buckeye, "admin");
    expect(await submitAccessRequest(svc, { ...REQUEST, npi: "", providerName: " buckeye  family medicine" }, CTX)).toEqual({ ok: true });
    expect(await submitAccessRequest(svc, { ...REQUEST, npi: "", providerId: buckeye, email: "b@example.org", confirmEmail: "b@example.org" }, CTX)).toEqual({ ok: true });
  });

  it("rejects bad input without storing anything, and a filled honeypot does nothing", async () => {
    const svc = testServices(t);
    await member(mary, "admin");
    expect(await submitAccessRequest(svc, { ...REQUEST, reason: "x".repeat(501) }, CTX)).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await submitAccessRequest(svc, { ...REQUEST, confirmEmail: "other@example.org" }, CTX)).toMatchObject({ ok: false, fieldErrors: { confirmEmail: "Emails do not match" } });
    expect(await submitAccessRequest(svc, { ...REQUEST, program: "medicaid", state: "" }, CTX)).toMatchObject({ ok: false, fieldErrors: { state: expect.any(String) } });
    expect(await submitAccessRequest(svc, null, CTX)).toMatchObject({ ok: false });
    expect(await submitAccessRequest(svc, { ...REQUEST, website: "http://spam.example" }, CTX)).toEqual({ ok: true });
    expect(await t.db.select().from(accessRequests)).toHaveLength(0);
    expect(await t.db.select().from(outbox)).toHaveLength(0);
  });

  it("is rate-limited per email and per IP", async () => {
    const svc = testServices(t);
    await member(mary, "admin");
    for (let i = 0; i < 5; i++) expect((await submitAccessRequest(svc, REQUEST, CTX)).ok).toBe(true);
    expect(await submitAccessRequest(svc, REQUEST, CTX)).toMatchObject({ ok: false, rateLimited: true });
    for (let i = 0; i < 4; i++) await submitAccessRequest(svc, { ...REQUEST, email: `o${i}@example.org`, confirmEmail: `o${i}@example.org` }, CTX);
    expect(await submitAccessRequest(svc, { ...REQUEST, email: "z@example.org", confirmEmail: "z@example.org" }, CTX)).toMatchObject({ ok: false, rateLimited: true });
    expect(await submitAccessRequest(svc, { ...REQUEST, email: "z@example.org", confirmEmail: "z@example.org" }, { ...CTX, ip: "198.51.100.9" })).toEqual({ ok: true });
  });
});

async function pendingRequest(svc = testServices(t), email = "rosa@example.org") {
  await submitAccessRequest(svc, { ...REQUEST, email, confirmEmail: email }, CTX);
  const [r] = await t.db.select().from(accessRequests).where(eq(accessRequests.email, email));
  return r!;
}

describe("approve and deny", () => {
  it("approve creates an invitation tied to the request and emails the link", async () => {
    const svc = testServices(t);
    const admin = await member(mary, "admin");
    const r = await pendingRequest(svc);
    expect(await approveRequest(svc, admin.id, mary, r.id, { role: "user", permissions: ["claims_view", "remittance", "claims_view"] }, CTX)).toEqual({ ok: true });
    const [after] = await t.db.select().from(accessRequests);
    expect(after).toMatchObject({ status: "approved", decidedByUserId: admin.id, grantedRole: "user", grantedPermissions: ["claims_view", "remittance"] });
    const [inv] = await t.db.select().from(invitations);
    expect(inv).toMatchObject({ accessRequestId: r.id, email: "rosa@example.org", role: "user", permissions: ["claims_view", "remittance"], providerId: mary });
    const [mail] = await mails("rosa@example.org", "access-request-approved");
    expect(mail!.bodyText).toMatch(/\/invitations\/accept\?token=/);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "access_request.approved"));
    expect(audit).toMatchObject({ providerId: mary, actorUserId: admin.id });
    // Deciding again: already decided.
    expect(await denyRequest(svc, admin.id, mary, r.id, {}, CTX)).toEqual({ ok: false, reason: "already_decided", message: ALREADY_DECIDED });
  });

  it("deny emails the requester with the optional reason", async () => {
    const svc = testServices(t);
    const admin = await member(mary, "admin");
    const r = await pendingRequest(svc);
    expect(await denyRequest(svc, admin.id, mary, r.id, { reason: "Not on our staff." }, CTX)).toEqual({ ok: true });
    const [mail] = await mails("rosa@example.org", "access-request-denied");
    expect(mail!.bodyText).toContain("Not on our staff.");
    expect((await onlyRequest()).denialReason).toBe("Not on our staff.");
    expect(await denyRequest(svc, admin.id, mary, r.id, { reason: "x".repeat(501) }, CTX)).toMatchObject({ reason: "invalid" });
  });

  it("refuses non-admins, revoked admins, another provider's admin, and someone else's request ids", async () => {
    const svc = testServices(t);
    await member(mary, "admin");
    const user = await member(mary, "user");
    const revoked = await member(mary, "admin", "revoked");
    const otherAdmin = await member(buckeye, "admin");
    const stranger = await person("s");
    const r = await pendingRequest(svc);
    const approve = { role: "admin", permissions: [] };
    for (const who of [user, revoked, stranger]) {
      expect(await approveRequest(svc, who.id, mary, r.id, approve, CTX)).toEqual({ ok: false, reason: "forbidden" });
      expect(await denyRequest(svc, who.id, mary, r.id, {}, CTX)).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(await approveRequest(svc, otherAdmin.id, mary, r.id, approve, CTX)).toEqual({ ok: false, reason: "forbidden" });
    // Their own provider id with Mary's request: not theirs.
    expect(await approveRequest(svc, otherAdmin.id, buckeye, r.id, approve, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await denyRequest(svc, otherAdmin.id, buckeye, r.id, {}, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await approveRequest(svc, otherAdmin.id, buckeye, "nope", approve, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await approveRequest(svc, "nope", mary, r.id, approve, CTX)).toEqual({ ok: false, reason: "forbidden" });
    expect(await listRequestsForProvider(svc, user.id, mary)).toBeNull();
    expect(await listRequestsForProvider(svc, otherAdmin.id, mary)).toBeNull();
    expect((await onlyRequest()).status).toBe("pending");
    expect(await t.db.select().from(invitations)).toHaveLength(0);
  });

  it("two admins racing: exactly one decision and one email", async () => {
    const svc = testServices(t);
    const a1 = await member(mary, "admin");
    const a2 = await member(mary, "admin");
    const r = await pendingRequest(svc);
    const results = await Promise.all([
      approveRequest(svc, a1.id, mary, r.id, { role: "user", permissions: ["claims_view"] }, CTX),
      denyRequest(svc, a2.id, mary, r.id, { reason: "no" }, CTX),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, reason: "already_decided", message: ALREADY_DECIDED }]);
    const decisionMails = (await mails("rosa@example.org")).filter((m) => m.template !== "access-request-received");
    expect(decisionMails).toHaveLength(1);
  });

  it("only a request less than 5 days old can be decided; the list shows time left and history", async () => {
    const svc = testServices(t);
    const admin = await member(mary, "admin");
    const old = await pendingRequest(svc, "old@example.org");
    svc.clock.advance(2 * DAY);
    const fresh = await pendingRequest(svc, "fresh@example.org");
    svc.clock.advance(3 * DAY - HOUR);
    // old: 4d23h → still decidable. Move to exactly 5 days.
    svc.clock.advance(HOUR);
    // At the boundary the refusal says why (security test: it used to say "already decided").
    expect(await approveRequest(svc, admin.id, mary, old.id, { role: "admin" }, CTX)).toEqual({ ok: false, reason: "already_decided", message: WINDOW_PASSED });
    const list = (await listRequestsForProvider(svc, admin.id, mary))!;
    expect(list.pending.map((p) => [p.email, p.timeLeft])).toEqual([["fresh@example.org", "auto-denies in 2 days"]]);
    expect(list.history.map((p) => [p.email, p.status, p.autoDenied])).toEqual([["old@example.org", "denied", true]]);
    expect(await approveRequest(svc, admin.id, mary, fresh.id, { role: "admin" }, CTX)).toEqual({ ok: true });
  });
});

describe("cron cleanup", () => {
  it("checks the bearer secret in constant time and refuses anything else", () => {
    const secret = "s".repeat(40);
    expect(isAuthorizedCron(`Bearer ${secret}`, secret)).toBe(true);
    expect(isAuthorizedCron(`Bearer ${secret}x`, secret)).toBe(false);
    expect(isAuthorizedCron(`bearer ${secret}`, secret)).toBe(false);
    expect(isAuthorizedCron(secret, secret)).toBe(false);
    expect(isAuthorizedCron(null, secret)).toBe(false);
    expect(isAuthorizedCron("Bearer ", secret)).toBe(false);
    expect(isAuthorizedCron("Bearer x", undefined)).toBe(false);
  });

  it("auto-denies, emails and audits each expired request once; a second run changes nothing", async () => {
    const svc = testServices(t);
    const admin = await member(mary, "admin");
    const r = await pendingRequest(svc);
    svc.clock.advance(4 * DAY + HOUR);
    const first = await runCleanup(svc, {});
    expect(first).toMatchObject({ autoDenied: 0, reminders: 1 });
    expect(await mails(admin.email, "access-request-reminder")).toHaveLength(1);
    expect((await runCleanup(svc, {})).reminders).toBe(0);
    svc.clock.advance(DAY);
    const second = await runCleanup(svc, {});
    expect(second.autoDenied).toBe(1);
    expect(await t.db.select().from(accessRequests).where(eq(accessRequests.id, r.id))).toMatchObject([{ status: "denied", decidedAutomatically: "cron" }]);
    expect(await mails("rosa@example.org", "access-request-auto-denied")).toHaveLength(1);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "access_request.auto_denied"), eq(auditEvents.providerId, mary)))).toHaveLength(1);
    expect((await runCleanup(svc, {})).autoDenied).toBe(0);
    expect(await mails("rosa@example.org", "access-request-auto-denied")).toHaveLength(1);
    // Deciding it now: the answer names the 5 days, not another administrator.
    expect(await denyRequest(svc, admin.id, mary, r.id, {}, CTX)).toEqual({ ok: false, reason: "already_decided", message: WINDOW_PASSED });
    expect(await mails(admin.email, "access-request-reminder")).toHaveLength(1);
  });

  it("approve racing the cron run: exactly one decision and one email", async () => {
    const svc = testServices(t);
    const admin = await member(mary, "admin");
    const r = await pendingRequest(svc);
    svc.clock.advance(5 * DAY - 1);
    // The admin's clock says 1 ms before the deadline; the cron's clock says after it.
    const cronSvc = { ...testServices(t), clock: { now: () => new Date(svc.clock.now().getTime() + 2) } };
    const [approved, denied] = await Promise.all([approveRequest(svc, admin.id, mary, r.id, { role: "admin" }, CTX), autoDenyExpired(cronSvc)]);
    expect(Number(approved.ok) + denied).toBe(1);
    const decisionMails = (await mails("rosa@example.org")).filter((m) => m.template !== "access-request-received");
    expect(decisionMails).toHaveLength(1);
    const after = await onlyRequest();
    expect(after.status).toBe(approved.ok ? "approved" : "denied");
  });

  it("deletes expired tokens, sessions and rate-limit windows", async () => {
    const svc = testServices(t);
    const u = await person();
    const now = svc.clock.now().getTime();
    await t.db.insert(userTokens).values([
      { userId: u.id, purpose: "activation", tokenHash: "a", expiresAt: new Date(now - 2 * DAY) },
      { userId: u.id, purpose: "activation", tokenHash: "b", expiresAt: new Date(now + DAY) },
    ]);
    await t.db.insert(sessions).values([
      { userId: u.id, expiresAt: new Date(now - 2 * DAY) },
      { userId: u.id, expiresAt: new Date(now + DAY), revokedAt: new Date(now - 2 * DAY) },
      { userId: u.id, expiresAt: new Date(now + DAY) },
    ]);
    await t.db.insert(rateLimits).values([
      { bucket: "x", key: "k", windowStart: new Date(now - 2 * DAY), count: 1 },
      { bucket: "x", key: "k", windowStart: new Date(now), count: 1 },
    ]);
    const counts = await runCleanup(svc, {}, 1);
    expect(counts.deleted).toMatchObject({ userTokens: 1, sessions: 2, rateLimits: 1 });
    expect(await t.db.select().from(userTokens)).toHaveLength(1);
    expect(await t.db.select().from(sessions)).toHaveLength(1);
  });

  it("denies 100,000 expired requests in one call, in bounded batches", { timeout: 240_000 }, async () => {
    const svc = testServices(t);
    await member(mary, "admin");
    const total = process.env.DATABASE_URL ? 100_000 : 20_000;
    await t.db.execute(sql`
      insert into access_requests (provider_id, program, state, first_name, last_name, position_title, email, phone, reason, created_at)
      select ${mary}::uuid, 'medicaid', 'OH', 'R', 'Q' || g, 'Clerk', 'r' || g || '@example.org', '614-555-0100', 'bulk', ${svc.clock.now().toISOString()}::timestamptz - interval '6 days'
      from generate_series(1, ${total}) g`);
    const counts = await runCleanup(svc, {});
    expect(counts.autoDenied).toBe(total);
    const [left] = await t.db.select({ n: sql<number>`count(*)::int` }).from(accessRequests).where(eq(accessRequests.status, "pending"));
    expect(Number(left!.n)).toBe(0);
    const [sent] = await t.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.template, "access-request-auto-denied"));
    expect(Number(sent!.n)).toBe(total);
    expect((await runCleanup(svc, {})).autoDenied).toBe(0);
  });
});
