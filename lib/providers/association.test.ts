import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { agreementAcceptances, auditEvents, pendingAssociations, providerAgreements, providerMemberships, providers, sessions, users } from "@/db/schema";
import { can, getMembership } from "@/lib/access/permissions";
import { createSession } from "@/lib/auth/sessions";
import { HOUR, MINUTE } from "@/lib/clock";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";
import { CTX, testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { currentAgreement } from "./agreement";
import { acceptAgreement, associateProvider, getPendingAssociation } from "./association";
import { groupPractitioners } from "./directory";
import { listLinkedAccounts, resolveActiveProvider, switchActiveProvider } from "./linked-accounts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(async () => {
  await t.reset();
  // reset() empties every table, the migration-seeded agreement included: put version 1 back.
  await t.db.insert(providerAgreements).values({ version: 1, title: "Provider Agreement", body: "Agreement text for tests." }).onConflictDoNothing();
  await importRegistry(t.db, (async function* () {
    yield demoRegistryCsv();
  })());
});

const MARY = { providerType: "practitioner", firstName: "Mary Ann", lastName: "Smith", taxId: "31-1234567", providerNumber: "100200300", zip: "43215" };
const JOHN = { providerType: "practitioner", firstName: "John", lastName: "Doe", taxId: "312345678", providerNumber: "100200301", zip: "45202" };
const BUCKEYE = { providerType: "group", groupName: "Buckeye Family Medicine", taxId: "31-7654321", providerNumber: "G5000100", zip: "43229" };

let n = 0;
async function person(svc = testServices(t)) {
  n++;
  const [u] = await t.db
    .insert(users)
    .values({ email: `p${n}@x.example`, passwordHash: "x", firstName: "Pat", lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: svc.clock.now() })
    .returning();
  const session = await createSession(t.db, u!.id, CTX, svc.clock);
  return { userId: u!.id, sessionId: session.id };
}

async function version() {
  return (await currentAgreement(t.db))!.version;
}

async function associateAndAccept(svc: ReturnType<typeof testServices>, who: { userId: string; sessionId: string }, details: object) {
  const step1 = await associateProvider(svc, who.userId, details, CTX);
  expect(step1.ok).toBe(true);
  return acceptAgreement(svc, who, { accept: true, agreementVersion: await version() }, CTX);
}

async function providerId(number: string) {
  const [p] = await t.db.select().from(providers).where(eq(providers.providerNumber, number));
  return p!.id;
}

describe("Associate Provider, step 1", () => {
  it("matches a practitioner, keeps the match server-side and links nothing yet", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    const r = await associateProvider(svc, me.userId, { ...MARY, firstName: " mary  ann ", taxId: "311234567", zip: "43017-2244" }, CTX);
    expect(r).toMatchObject({ ok: true, provider: { name: "Mary Ann Smith", npi: "1234567893", providerNumber: "100200300" } });
    expect(await t.db.select().from(providerMemberships)).toHaveLength(0);
    const pending = await getPendingAssociation(svc, me.userId);
    expect(pending).toMatchObject({ provider: { providerNumber: "100200300" }, agreement: { version: 1 } });
  });

  it("tells not found (no provider with that Provider ID and Tax ID) apart from a mismatch", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    expect(await associateProvider(svc, me.userId, { ...MARY, providerNumber: "999999999" }, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await associateProvider(svc, me.userId, { ...MARY, taxId: "31-1234568" }, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await associateProvider(svc, me.userId, { ...MARY, lastName: "Smyth" }, CTX)).toEqual({ ok: false, reason: "mismatch" });
    expect(await associateProvider(svc, me.userId, { ...MARY, zip: "45202" }, CTX)).toEqual({ ok: false, reason: "mismatch" });
    expect(await associateProvider(svc, me.userId, { ...BUCKEYE, providerType: "practitioner", firstName: "Buckeye", lastName: "Family" }, CTX)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(await getPendingAssociation(svc, me.userId)).toBeNull();
  });

  it("names each bad field and counts nothing for malformed input", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    const empty = await associateProvider(svc, me.userId, { providerType: "practitioner" }, CTX);
    expect(empty).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        firstName: "Enter the Practitioner's First Name",
        lastName: "Enter the Practitioner's Last Name",
        taxId: "Enter the Tax ID",
        providerNumber: "Enter the Provider ID/Billing Number",
        zip: "Enter the ZIP Code",
      },
    });
    expect(await associateProvider(svc, me.userId, { ...BUCKEYE, groupName: "  " }, CTX)).toMatchObject({ fieldErrors: { groupName: "Enter the Group Name" } });
    expect(await associateProvider(svc, me.userId, { ...MARY, taxId: "31-12345" }, CTX)).toMatchObject({ fieldErrors: { taxId: "Enter the Tax ID as 9 digits, like 12-3456789" } });
    expect(await associateProvider(svc, me.userId, { ...MARY, zip: "ABCDE" }, CTX)).toMatchObject({ fieldErrors: { zip: expect.stringContaining("5-digit") } });
    expect(await associateProvider(svc, me.userId, { ...MARY, firstName: "x".repeat(101) }, CTX)).toMatchObject({ fieldErrors: { firstName: expect.stringContaining("at most 100") } });
    expect(await associateProvider(svc, me.userId, { ...MARY, providerNumber: "1002'; drop" }, CTX)).toMatchObject({ reason: "invalid" });
    expect(await associateProvider(svc, me.userId, { ...MARY, providerType: "hospital" }, CTX)).toMatchObject({ fieldErrors: { providerType: "Choose a Provider Type" } });
    expect(await associateProvider(svc, me.userId, null, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    // None of that used up the failed-attempt budget.
    expect((await associateProvider(svc, me.userId, MARY, CTX)).ok).toBe(true);
  });

  it("allows at most 10 failed attempts per person per hour, then refuses even correct details", async () => {
    const svc = testServices(t, "2026-11-01T12:00:00Z");
    const me = await person(svc);
    const other = await person(svc);
    for (let i = 0; i < 10; i++) expect(await associateProvider(svc, me.userId, { ...MARY, lastName: `Wrong${i}` }, CTX)).toEqual({ ok: false, reason: "mismatch" });
    const refused = await associateProvider(svc, me.userId, MARY, CTX);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBe(HOUR);
    // Someone else is not affected.
    expect((await associateProvider(svc, other.userId, MARY, CTX)).ok).toBe(true);
    svc.clock.advance(HOUR);
    expect((await associateProvider(svc, me.userId, MARY, CTX)).ok).toBe(true);
  });

  it("audits each attempt without the typed Tax ID", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    await associateProvider(svc, me.userId, { ...MARY, lastName: "Nope" }, CTX);
    await associateProvider(svc, me.userId, MARY, CTX);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, me.userId));
    expect(events.map((e) => e.details.outcome).sort()).toEqual(["matched", "mismatch"]);
    const dump = JSON.stringify(events);
    expect(dump).not.toContain("1234567");
    expect(events.every((e) => e.ip === CTX.ip)).toBe(true);
  });
});

describe("Provider Agreement, step 2", () => {
  it("the first associator becomes the administrator, with the acceptance recorded and the provider active", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    const r = await associateAndAccept(svc, me, MARY);
    expect(r).toMatchObject({ ok: true, role: "admin", provider: { providerNumber: "100200300" } });
    const id = await providerId("100200300");
    const m = await getMembership(t.db, me.userId, id);
    expect(m).toMatchObject({ role: "admin", status: "active", source: "association" });
    const [acc] = await t.db.select().from(agreementAcceptances).where(eq(agreementAcceptances.userId, me.userId));
    expect(acc).toMatchObject({ providerId: id, agreementVersion: 1, ip: CTX.ip, acceptedAt: svc.clock.now() });
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
    expect(s!.activeProviderId).toBe(id);
    expect(await can(t.db, me.userId, id, "claims_submit")).toBe(true);
    expect(await t.db.select().from(pendingAssociations)).toHaveLength(0);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.providerId, id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["provider.agreement.accepted", "provider.linked"]));
  });

  it("refuses without the checkbox, with an old agreement version, with nothing pending, or after the match expired", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    expect(await acceptAgreement(svc, me, { accept: true, agreementVersion: 1 }, CTX)).toEqual({ ok: false, reason: "no_pending" });
    await associateProvider(svc, me.userId, MARY, CTX);
    expect(await acceptAgreement(svc, me, { accept: false, agreementVersion: 1 }, CTX)).toMatchObject({
      reason: "invalid",
      fieldErrors: { accept: "Check the box to accept the Provider Agreement" },
    });
    expect(await acceptAgreement(svc, me, { accept: "yes", agreementVersion: 1 }, CTX)).toMatchObject({ reason: "invalid" });
    expect(await acceptAgreement(svc, me, { accept: true, agreementVersion: 0 }, CTX)).toMatchObject({ reason: "invalid" });
    expect(await acceptAgreement(svc, me, { accept: true, agreementVersion: 7 }, CTX)).toEqual({ ok: false, reason: "agreement_changed" });
    svc.clock.advance(31 * MINUTE);
    expect(await getPendingAssociation(svc, me.userId)).toBeNull();
    expect(await acceptAgreement(svc, me, { accept: true, agreementVersion: 1 }, CTX)).toEqual({ ok: false, reason: "no_pending" });
    expect(await t.db.select().from(providerMemberships)).toHaveLength(0);
  });

  it("a second person is refused with an offer to request access, at step 1 and when racing to step 2", async () => {
    const svc = testServices(t);
    const first = await person(svc);
    const second = await person(svc);
    const third = await person(svc);
    // Second and third both pass step 1 while nobody administers the provider yet...
    expect((await associateProvider(svc, second.userId, MARY, CTX)).ok).toBe(true);
    expect((await associateAndAccept(svc, first, MARY)).ok).toBe(true);
    // ...but the first accepted: the second is refused at step 2, and nothing is linked.
    const late = await acceptAgreement(svc, second, { accept: true, agreementVersion: 1 }, CTX);
    expect(late).toMatchObject({ ok: false, reason: "admin_exists", adminCount: 1, provider: { providerNumber: "100200300" } });
    const refused = await associateProvider(svc, third.userId, MARY, CTX);
    expect(refused).toMatchObject({ ok: false, reason: "admin_exists", adminCount: 1 });
    expect(JSON.stringify(refused)).not.toContain("@x.example");
    const members = await t.db.select().from(providerMemberships);
    expect(members.map((m) => [m.userId, m.role])).toEqual([[first.userId, "admin"]]);
  });

  it("two people accepting at the same moment produce exactly one administrator", async () => {
    const svc = testServices(t);
    const a = await person(svc);
    const b = await person(svc);
    await associateProvider(svc, a.userId, JOHN, CTX);
    await associateProvider(svc, b.userId, JOHN, CTX);
    const results = await Promise.all([a, b].map((who) => acceptAgreement(svc, who, { accept: true, agreementVersion: 1 }, CTX)));
    expect(results.map((r) => (r.ok ? "ok" : r.reason)).sort()).toEqual(["admin_exists", "ok"]);
    const admins = await t.db.select().from(providerMemberships).where(eq(providerMemberships.role, "admin"));
    expect(admins).toHaveLength(1);
  });

  it("linking the same provider twice is refused with a clear result", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    await associateAndAccept(svc, me, MARY);
    expect(await associateProvider(svc, me.userId, MARY, CTX)).toMatchObject({ ok: false, reason: "already_linked", provider: { name: "Mary Ann Smith" } });
    expect(await t.db.select().from(providerMemberships)).toHaveLength(1);
  });

  it("a revoked administrator's provider can be associated again by someone new", async () => {
    const svc = testServices(t);
    const first = await person(svc);
    const next = await person(svc);
    await associateAndAccept(svc, first, MARY);
    await t.db.update(providerMemberships).set({ status: "revoked" }).where(eq(providerMemberships.userId, first.userId));
    expect(await associateAndAccept(svc, next, MARY)).toMatchObject({ ok: true, role: "admin" });
  });
});

describe("Link Account and switching", () => {
  it("lists every linked provider with role, date linked and the active one, and switches between them", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    await associateAndAccept(svc, me, MARY);
    svc.clock.advance(HOUR);
    await associateAndAccept(svc, me, JOHN);
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
    const john = await providerId("100200301");
    const mary = await providerId("100200300");
    expect(s!.activeProviderId).toBe(john);
    const list = await listLinkedAccounts(t.db, me.userId, s!.activeProviderId);
    expect(list.map((a) => [a.providerNumber, a.role, a.active, a.linkedAt.toISOString()])).toEqual([
      ["100200300", "admin", false, "2026-11-01T12:00:00.000Z"],
      ["100200301", "admin", true, "2026-11-01T13:00:00.000Z"],
    ]);
    expect(await switchActiveProvider(svc, me.sessionId, me.userId, mary, CTX)).toMatchObject({ ok: true, provider: { name: "Mary Ann Smith" } });
    const [after] = await t.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
    expect(after!.activeProviderId).toBe(mary);
    expect((await t.db.select().from(auditEvents).where(eq(auditEvents.action, "provider.switched"))).length).toBe(1);
  });

  it("refuses a crafted switch to a provider the person is not linked to, a revoked link, garbage, or someone else's session", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    const other = await person(svc);
    await associateAndAccept(svc, me, MARY);
    await associateAndAccept(svc, other, JOHN);
    const mary = await providerId("100200300");
    const john = await providerId("100200301");
    const unlinked = await providerId("G5000200");

    expect(await switchActiveProvider(svc, me.sessionId, me.userId, john, CTX)).toEqual({ ok: false, reason: "not_linked" });
    expect(await switchActiveProvider(svc, me.sessionId, me.userId, unlinked, CTX)).toEqual({ ok: false, reason: "not_linked" });
    expect(await switchActiveProvider(svc, me.sessionId, me.userId, "not-a-uuid' or 1=1", CTX)).toEqual({ ok: false, reason: "not_linked" });
    expect(await switchActiveProvider(svc, me.sessionId, me.userId, undefined, CTX)).toEqual({ ok: false, reason: "not_linked" });
    // My own provider, but another person's session: that session does not change.
    expect(await switchActiveProvider(svc, other.sessionId, me.userId, mary, CTX)).toEqual({ ok: false, reason: "not_linked" });
    const [otherSession] = await t.db.select().from(sessions).where(eq(sessions.id, other.sessionId));
    expect(otherSession!.activeProviderId).toBe(john);
    // The permission check refuses too.
    expect(await can(t.db, me.userId, john, "message_box")).toBe(false);
    expect(await getMembership(t.db, me.userId, john)).toBeNull();

    // A revoked link cannot be switched to, and the session's active provider falls back on the next read.
    await t.db.update(providerMemberships).set({ status: "revoked" }).where(and(eq(providerMemberships.userId, me.userId), eq(providerMemberships.providerId, mary)));
    expect(await switchActiveProvider(svc, me.sessionId, me.userId, mary, CTX)).toEqual({ ok: false, reason: "not_linked" });
    expect(await resolveActiveProvider(t.db, { id: me.sessionId, userId: me.userId, activeProviderId: mary })).toBeNull();
    const [mine] = await t.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
    expect(mine!.activeProviderId).toBeNull();
  });

  it("a session pointing at a provider the person is not linked to resolves to their own link instead", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    await associateAndAccept(svc, me, MARY);
    const john = await providerId("100200301");
    const active = await resolveActiveProvider(t.db, { id: me.sessionId, userId: me.userId, activeProviderId: john });
    expect(active!.provider.providerNumber).toBe("100200300");
  });
});

describe("Group", () => {
  it("a group associator sees every practitioner under the Group Tax ID", async () => {
    const svc = testServices(t);
    const me = await person(svc);
    expect(await associateAndAccept(svc, me, BUCKEYE)).toMatchObject({ ok: true, role: "admin", provider: { providerType: "group" } });
    const [group] = await t.db.select().from(providers).where(eq(providers.providerNumber, "G5000100"));
    const list = await groupPractitioners(t.db, group!);
    expect(list.map((p) => [p.name, p.npi, p.providerNumber])).toEqual([
      ["Robert Brown", "1659474393", "100200411"],
      ["Alice Nguyen", "1588667638", "100200410"],
    ]);
    const [mary] = await t.db.select().from(providers).where(eq(providers.providerNumber, "100200300"));
    expect(await groupPractitioners(t.db, mary!)).toEqual([]);
  });
});
