import { Writable } from "node:stream";
import { count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { accessRequests, auditEvents, loginFailures, mfaCodes, mfaFactors, outbox, sessions, userTokens, users } from "@/db/schema";
import { resendActivation } from "@/lib/auth/activation";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { registerAccount } from "@/lib/auth/register";
import { signIn } from "@/lib/auth/sign-in";
import { MINUTE } from "@/lib/clock";
import { createLogger } from "@/lib/log";
import { mayEnrollFactor } from "@/lib/mfa/enrollment";
import { confirmEnrollment, startCodeEnrollment, startTotpEnrollment } from "@/lib/mfa/factors";
import { verifyChallenge, sendChallengeCode } from "@/lib/mfa/challenge";
import { totpCodeAt } from "@/lib/mfa/totp";
import { clientAddress } from "@/lib/request-context";
import { submitAccessRequest } from "@/lib/requests/submit";
import { latestCode, signedInUser, TEST_PASSWORD } from "@/tests/accounts";
import { CTX, settled, testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";

// One regression test per finding of the security test (issue 10). Each failed on the code the
// finding was reproduced against.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

const rows = async (table: PgTable) => (await t.db.select({ n: count() }).from(table))[0]!.n;

async function withAuthenticator(svc: ReturnType<typeof testServices>, email: string) {
  const s = await signedInUser(svc, email);
  const e = await startTotpEnrollment(svc, s, "Provider Portal");
  if (!e.ok) throw new Error("first enrollment refused");
  await confirmEnrollment(svc, s, { factorId: e.factorId, code: totpCodeAt(e.secret, svc.clock.now().getTime()) }, CTX);
  return { ...s, secret: e.secret, factorId: e.factorId };
}

describe("finding 1: a password alone cannot get past MFA by enrolling a new factor", () => {
  it("the rule: before MFA only a person with no factor enrolls; after it, only with a fresh password", () => {
    expect(mayEnrollFactor({ mfaVerified: false, hasConfirmedFactor: false, recentlyVerified: true })).toBe("allowed");
    expect(mayEnrollFactor({ mfaVerified: false, hasConfirmedFactor: true, recentlyVerified: true })).toBe("mfa_required");
    expect(mayEnrollFactor({ mfaVerified: true, hasConfirmedFactor: true, recentlyVerified: true })).toBe("allowed");
    expect(mayEnrollFactor({ mfaVerified: true, hasConfirmedFactor: true, recentlyVerified: false })).toBe("reverify");
  });

  it("a password-only session of someone with an authenticator can start no enrollment and confirm none", async () => {
    const svc = testServices(t);
    const owner = await withAuthenticator(svc, "owner@clinic.example");
    svc.clock.advance(MINUTE);
    // The attacker knows the password only.
    const { signInAgain } = await import("@/tests/accounts");
    const attacker = await signInAgain(svc, "owner@clinic.example");
    expect(attacker.session.mfaVerifiedAt).toBeNull();
    expect(await startTotpEnrollment(svc, attacker, "Provider Portal")).toEqual({ ok: false, reason: "mfa_required" });
    expect(await startCodeEnrollment(svc, attacker, { type: "sms", phone: "(614) 555-0199" })).toEqual({ ok: false, reason: "mfa_required" });
    // Even an enrollment left open from earlier cannot be finished from this session.
    const [pending] = await t.db.insert(mfaFactors).values({ userId: owner.user.id, type: "email", createdAt: svc.clock.now() }).returning();
    expect(await confirmEnrollment(svc, attacker, { factorId: pending!.id, code: "123456" }, CTX)).toEqual({ ok: false, reason: "mfa_required" });
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, attacker.session.id));
    expect(s!.mfaVerifiedAt).toBeNull();
    expect((await t.db.select().from(mfaFactors).where(eq(mfaFactors.userId, owner.user.id))).filter((f) => f.confirmedAt)).toHaveLength(1);
  });

  it("a verified session adds a factor only within 10 minutes of entering the password", async () => {
    const svc = testServices(t);
    const owner = await withAuthenticator(svc, "owner@clinic.example");
    const [fresh] = await t.db.select().from(sessions).where(eq(sessions.id, owner.session.id));
    expect((await startCodeEnrollment(svc, { session: fresh!, user: owner.user }, { type: "email" })).ok).toBe(true);
    svc.clock.advance(11 * MINUTE);
    expect(await startTotpEnrollment(svc, { session: fresh!, user: owner.user }, "Provider Portal")).toEqual({ ok: false, reason: "reverify" });
  });

  it("two enrollments racing in a first sign-in: only one counts as the first factor", async () => {
    const svc = testServices(t);
    const s = await signedInUser(svc, "racer@clinic.example");
    const a = await startTotpEnrollment(svc, s, "Provider Portal");
    const b = await startCodeEnrollment(svc, s, { type: "email" });
    if (!a.ok || !b.ok) throw new Error("start refused");
    const code = await latestCode(svc, "racer@clinic.example");
    const results = await Promise.all([
      confirmEnrollment(svc, s, { factorId: a.factorId, code: totpCodeAt(a.secret, svc.clock.now().getTime()) }, CTX),
      confirmEnrollment(svc, s, { factorId: b.factorId, code }, CTX),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await t.db.select().from(mfaFactors).where(eq(mfaFactors.userId, s.user.id))).filter((f) => f.confirmedAt)).toHaveLength(1);
  });
});

describe("finding 3: the client address cannot be chosen by the client", () => {
  it("takes the entry TRUSTED_PROXY_HOPS places from the right; forged entries on the left are ignored", () => {
    expect(clientAddress("203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 2.2.2.2, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("2001:db8::1", 1)).toBe("2001:db8::1");
    // Fewer entries than trusted proxies, or garbage: no address (one shared "unknown" bucket).
    expect(clientAddress("203.0.113.9", 2)).toBeNull();
    expect(clientAddress("", 1)).toBeNull();
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress("1.1.1.1, <script>", 1)).toBeNull();
  });

  it("rotating a forged X-Forwarded-For prefix does not escape the per-address limit", async () => {
    const svc = testServices(t);
    const forgot = [];
    for (let i = 0; i < 12; i++) {
      const ip = clientAddress(`10.9.${i}.${i}, 198.51.100.77`, 1);
      forgot.push(await settled((defer) => requestPasswordReset(svc, { email: `p${i}@clinic.example` }, { ip, userAgent: "t" }, defer)));
    }
    expect(forgot.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(forgot.slice(10)).toEqual([expect.objectContaining({ ok: false, rateLimited: true }), expect.objectContaining({ ok: false, rateLimited: true })]);
  });

  it("the sign-in limit per address counts failures only: 40 staff behind one NAT address all sign in", async () => {
    const svc = testServices(t);
    const nat = { ip: "198.51.100.200", userAgent: "t" };
    const emails = Array.from({ length: 10 }, (_, i) => `staff${i}@clinic.example`);
    for (const email of emails) await signedInUser(svc, email);
    // 40 sign-ins from one address in one window: more than the 30 the address may fail.
    for (let round = 0; round < 4; round++) {
      for (const email of emails) expect((await signIn(svc, { email, password: TEST_PASSWORD }, nat)).ok).toBe(true);
      svc.clock.advance(1000);
    }
    // 30 failures from the address are allowed in the window, the 31st is refused.
    const failures = [];
    for (let i = 0; i < 31; i++) failures.push(await signIn(svc, { email: `nobody${i}@clinic.example`, password: "wrong" }, nat));
    expect(failures.slice(0, 30).every((r) => !r.ok && r.code !== "rate_limited")).toBe(true);
    expect(failures[30]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("finding 4: forgot password and resend activation do the same work for every email", () => {
  it("nothing is looked up or written before the answer; the deferred work does it afterwards", async () => {
    const svc = testServices(t);
    await signedInUser(svc, "known@clinic.example");
    const before = { tokens: await rows(userTokens), mail: await rows(outbox), audit: await rows(auditEvents) };
    const held: Array<() => Promise<unknown>> = [];
    const hold = (task: () => Promise<unknown>) => void held.push(task);
    for (const email of ["known@clinic.example", "unknown@clinic.example"]) {
      expect(await requestPasswordReset(svc, { email }, CTX, hold)).toEqual({ ok: true });
      expect(await resendActivation(svc, { email }, CTX, hold)).toEqual({ ok: true });
    }
    expect({ tokens: await rows(userTokens), mail: await rows(outbox), audit: await rows(auditEvents) }).toEqual(before);
    await Promise.all(held.map((task) => task()));
    // Only the known, activated account gets a reset link; nobody gets an activation link.
    const mail = await t.db.select().from(outbox).where(eq(outbox.template, "password-reset"));
    expect(mail.map((m) => m.recipient)).toEqual(["known@clinic.example"]);
  });
});

describe("finding 5: control characters are a field error, nothing is saved, and logs hold no secrets", () => {
  it("a NUL byte in any text field is refused on that field", async () => {
    const svc = testServices(t);
    const r = await registerAccount(
      svc,
      { email: "nul@clinic.example", password: "Blue-Harbor-42x", firstName: "Ma\u0000ry", lastName: "Smith", securityQuestion: "What city were you born in?", securityAnswer: "Ak\u0000ron" },
      CTX,
    );
    expect(r).toMatchObject({ ok: false, fieldErrors: { firstName: "First name contains characters that are not allowed", securityAnswer: expect.stringMatching(/not allowed/) } });
    const req = await submitAccessRequest(svc, { program: "medicare", npi: "1234567893", firstName: "Rosa", lastName: "Diaz\u0000", positionTitle: "x", email: "r@x.example", confirmEmail: "r@x.example", phoneArea: "614", phonePrefix: "555", phoneLine: "0100", reason: "a\u0000b" }, CTX);
    expect(req).toMatchObject({ ok: false, fieldErrors: { lastName: expect.stringMatching(/not allowed/), reason: expect.stringMatching(/not allowed/) } });
    expect(await rows(users)).toBe(0);
    expect(await rows(accessRequests)).toBe(0);
  });

  it("a failed query's log line carries neither its parameters nor hashes, emails or addresses", async () => {
    const svc = testServices(t);
    let failure: unknown;
    try {
      await svc.db.insert(users).values({ email: "leak@clinic.example", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", firstName: "A\u0000", lastName: "B", securityQuestion: "q", securityAnswerHash: "$argon2id$v=19$secret", activatedAt: null });
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(Error);
    const lines: string[] = [];
    const log = createLogger(new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    log.error({ err: failure, ip: "203.0.113.7", user: { email: "leak@clinic.example" } }, "insert failed");
    const text = lines.join("");
    expect(text).toContain("insert failed");
    for (const secret of ["leak@clinic.example", "$argon2id$", "c2FsdA", "203.0.113.7"]) expect(text).not.toContain(secret);
  });
});

describe("finding 6: an emailed or texted code allows 5 tries, then is void", () => {
  async function emailFactor(svc: ReturnType<typeof testServices>) {
    const s = await signedInUser(svc, "coder@clinic.example");
    const start = await startCodeEnrollment(svc, s, { type: "email" });
    if (!start.ok) throw new Error("refused");
    await confirmEnrollment(svc, s, { factorId: start.factorId, code: await latestCode(svc, "coder@clinic.example") }, CTX);
    svc.clock.advance(MINUTE);
    const { signInAgain } = await import("@/tests/accounts");
    const again = await signInAgain(svc, "coder@clinic.example");
    return { ...again, factorId: start.factorId };
  }

  it("four wrong codes then the right one passes; five wrong codes void it, right one included", async () => {
    const svc = testServices(t);
    const s = await emailFactor(svc);
    await sendChallengeCode(svc, s.user, s.factorId);
    const code = await latestCode(svc, "coder@clinic.example");
    const wrong = code === "000000" ? "111111" : "000000";
    // The challenge allows 5 failures per session: 4 wrong codes, then the right one.
    for (let i = 0; i < 4; i++) expect((await verifyChallenge(svc, s.session, s.user, { method: "factor", factorId: s.factorId, code: wrong }, CTX)).ok).toBe(false);
    expect((await verifyChallenge(svc, s.session, s.user, { method: "factor", factorId: s.factorId, code }, CTX)).ok).toBe(true);
  });

  it("300 guesses at one enrollment code: only 5 are looked at, the right code after them fails", async () => {
    const svc = testServices(t);
    const s = await signedInUser(svc, "guesser@clinic.example");
    const start = await startCodeEnrollment(svc, s, { type: "sms", phone: "(614) 555-0123" });
    if (!start.ok) throw new Error("refused");
    const [sms] = await t.db.select().from(outbox).where(eq(outbox.channel, "sms"));
    const code = /\b(\d{6})\b/.exec(sms!.bodyText)![1]!;
    const guesses = Array.from({ length: 300 }, (_, i) => String(i).padStart(6, "0")).filter((g) => g !== code);
    await Promise.all(guesses.slice(0, 20).map((g) => confirmEnrollment(svc, s, { factorId: start.factorId, code: g }, CTX)));
    for (const g of guesses.slice(20)) await confirmEnrollment(svc, s, { factorId: start.factorId, code: g }, CTX);
    expect(await confirmEnrollment(svc, s, { factorId: start.factorId, code }, CTX)).toMatchObject({ ok: false });
    const [row] = await t.db.select().from(mfaCodes).where(eq(mfaCodes.factorId, start.factorId));
    expect(row!.attempts).toBe(5);
    expect(row!.usedAt).not.toBeNull();
    // A new code must be sent; it works.
    svc.clock.advance(MINUTE);
    const { resendEnrollmentCode } = await import("@/lib/mfa/factors");
    expect(await resendEnrollmentCode(svc, s.user, start.factorId)).toEqual({ ok: true });
    const fresh = /\b(\d{6})\b/.exec((await t.db.select().from(outbox).where(eq(outbox.channel, "sms")).orderBy(sql`created_at desc`))[0]!.bodyText)![1]!;
    expect(await confirmEnrollment(svc, s, { factorId: start.factorId, code: fresh }, CTX)).toMatchObject({ ok: true });
  });
});

describe("finding 7: lockout is exact under concurrency", () => {
  // Bursts larger than the per-email rate limit: the lockout, not the limit, is what is tested.
  beforeEach(() => void vi.stubEnv("RATE_LIMIT_SIGN_IN_PER_EMAIL", "100/15m"));
  afterEach(() => void vi.unstubAllEnvs());

  it("a parallel burst of 10 wrong passwords: exactly 5 are evaluated, the account locks once", async () => {
    const svc = testServices(t);
    await signedInUser(svc, "burst@clinic.example");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signIn(svc, { email: "burst@clinic.example", password: `Wrong-Guess-${i}x` }, { ip: `10.7.0.${i}`, userAgent: "t" })),
    );
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in.failed"))).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "invalid")).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.code === "locked")).toHaveLength(6);
    expect(await t.db.select().from(outbox).where(eq(outbox.template, "account-locked"))).toHaveLength(1);
    // The right password now: locked.
    expect(await signIn(svc, { email: "burst@clinic.example", password: TEST_PASSWORD }, CTX)).toEqual({ ok: false, code: "locked" });
  });

  it("a burst of 20 guesses with the right password among them: at most 5 passwords are ever looked at", async () => {
    const svc = testServices(t);
    await signedInUser(svc, "burst2@clinic.example");
    const [before] = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "auth.sign_in.succeeded"));
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 13 ? TEST_PASSWORD : `Wrong-Guess-${i}x`));
    const results = await Promise.all(guesses.map((password, i) => signIn(svc, { email: "burst2@clinic.example", password }, { ip: `10.8.0.${i}`, userAgent: "t" })));
    const [after] = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "auth.sign_in.succeeded"));
    const failed = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in.failed"));
    const evaluated = failed.length + (after!.n - before!.n);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.ok).length).toBe(after!.n - before!.n);
    expect(results.filter((r) => !r.ok && r.code === "locked").length).toBeGreaterThanOrEqual(15);
  });

  it("five sequential wrong passwords, then the right one: locked; the count is per email, known or not", async () => {
    const svc = testServices(t);
    await signedInUser(svc, "seq@clinic.example");
    for (let i = 0; i < 5; i++) await signIn(svc, { email: "seq@clinic.example", password: "Wrong-1x" }, CTX);
    expect(await signIn(svc, { email: "seq@clinic.example", password: TEST_PASSWORD }, CTX)).toEqual({ ok: false, code: "locked" });
  });
});
