import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, mfaFactors, outbox, sessions } from "@/db/schema";
import { DAY, MINUTE } from "@/lib/clock";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { validateSession } from "@/lib/auth/sessions";
import { latestCode, signedInUser, signInAgain } from "@/tests/accounts";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { CTX, settled, testServices, tokenFrom } from "@/tests/services";
import { sendChallengeCode, verifyChallenge } from "./challenge";
import { decryptSecret } from "./crypto";
import { confirmedFactors, confirmEnrollment, pendingEnrollment, resendEnrollmentCode, startCodeEnrollment, startTotpEnrollment, type Enrolling } from "./factors";
import { regenerateRecoveryCodes, removeFactor } from "./manage";
import { totpCodeAt } from "./totp";
import { isTrustedDevice } from "./trusted-devices";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

/** Starts an authenticator enrollment that must be allowed. */
async function startTotp(svc: ReturnType<typeof testServices>, s: Enrolling) {
  const e = await startTotpEnrollment(svc, s, "Provider Portal");
  if (!e.ok) throw new Error(`enrollment refused: ${e.reason}`);
  return e;
}

/** A person with an authenticator app, and their session as it is after passing MFA by enrolling it. */
async function withTotp(svc: ReturnType<typeof testServices>, email = "ann@clinic.example") {
  const s = await signedInUser(svc, email);
  const e = await startTotp(svc, s);
  const done = await confirmEnrollment(svc, s, { factorId: e.factorId, code: totpCodeAt(e.secret, svc.clock.now().getTime()) }, CTX);
  const [session] = await t.db.select().from(sessions).where(eq(sessions.id, s.session.id));
  return { ...s, session: session!, secret: e.secret, factorId: e.factorId, recoveryCodes: (done as { recoveryCodes: string[] }).recoveryCodes };
}

describe("enrollment", () => {
  it("a new session has no second factor yet, and a TOTP factor counts only after a valid code", async () => {
    const svc = testServices(t);
    const s = await signedInUser(svc, "ann@clinic.example");
    expect(s.session.mfaVerifiedAt).toBeNull();
    const e = await startTotp(svc, s);
    expect(e.uri).toMatch(/^otpauth:\/\/totp\/Provider%20Portal:ann%40clinic.example\?/);
    const [stored] = await t.db.select().from(mfaFactors).where(eq(mfaFactors.id, e.factorId));
    expect(stored!.secretEncrypted).not.toContain(e.secret);
    expect(decryptSecret(stored!.secretEncrypted!, svc.mfaKeyHex)).toBe(e.secret);
    expect(await confirmedFactors(t.db, s.user.id)).toHaveLength(0);

    expect(await confirmEnrollment(svc, s, { factorId: e.factorId, code: "000000" }, CTX)).toMatchObject({ ok: false });
    expect(await confirmEnrollment(svc, s, { factorId: e.factorId, code: "12ab" }, CTX)).toEqual({ ok: false, fieldErrors: { code: "Enter the 6-digit code" } });
    expect(await confirmedFactors(t.db, s.user.id)).toHaveLength(0);
    expect((await validateSession(t.db, s.session.id, svc.clock))!.session.mfaVerifiedAt).toBeNull();

    const done = await confirmEnrollment(svc, s, { factorId: e.factorId, code: totpCodeAt(e.secret, svc.clock.now().getTime()) }, CTX);
    expect(done).toMatchObject({ ok: true });
    expect((done as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect((await validateSession(t.db, s.session.id, svc.clock))!.session.mfaVerifiedAt).not.toBeNull();
    const notices = await t.db.select().from(outbox).where(eq(outbox.template, "security-notice"));
    expect(notices[0]!.bodyText).toContain("Authenticator app was added");
  });

  it("someone else's enrollment cannot be confirmed", async () => {
    const svc = testServices(t);
    const ann = await signedInUser(svc, "ann@clinic.example");
    const bob = await signedInUser(svc, "bob@clinic.example");
    const e = await startTotp(svc, ann);
    const r = await confirmEnrollment(svc, bob, { factorId: e.factorId, code: totpCodeAt(e.secret, svc.clock.now().getTime()) }, CTX);
    expect(r).toEqual({ ok: false, fieldErrors: { code: "Start again: this setup is no longer open" } });
    expect(await confirmedFactors(t.db, ann.user.id)).toHaveLength(0);
  });

  it("a setup in progress is shown again to its owner only (the second step rendered from its URL), and not once confirmed", async () => {
    const svc = testServices(t);
    const ann = await signedInUser(svc, "ann@clinic.example");
    const bob = await signedInUser(svc, "bob@clinic.example");
    const e = await startTotp(svc, ann);
    expect(await pendingEnrollment(svc, ann.user, e.factorId, "Provider Portal")).toEqual({ factorId: e.factorId, type: "totp", secret: e.secret, uri: e.uri });
    expect(await pendingEnrollment(svc, bob.user, e.factorId, "Provider Portal")).toBeNull();
    for (const bad of ["", "not-an-id", "00000000-0000-0000-0000-000000000000", undefined, 42]) {
      expect(await pendingEnrollment(svc, ann.user, bad, "Provider Portal")).toBeNull();
    }
    const sms = await startCodeEnrollment(svc, ann, { type: "sms", phone: "(614) 555-0123" });
    if (!sms.ok) throw new Error("sms enrollment refused");
    expect(await pendingEnrollment(svc, ann.user, sms.factorId, "Provider Portal")).toEqual({ factorId: sms.factorId, type: "sms", phone: "+16145550123" });

    await confirmEnrollment(svc, ann, { factorId: e.factorId, code: totpCodeAt(e.secret, svc.clock.now().getTime()) }, CTX);
    expect(await pendingEnrollment(svc, ann.user, e.factorId, "Provider Portal")).toBeNull();
    // Starting again replaces an unfinished setup of the same kind: the old one is gone.
    const first = await startTotp(svc, bob);
    const second = await startTotp(svc, bob);
    expect(await pendingEnrollment(svc, bob.user, first.factorId, "Provider Portal")).toBeNull();
    expect(await pendingEnrollment(svc, bob.user, second.factorId, "Provider Portal")).toMatchObject({ type: "totp", secret: second.secret });
  });

  it("email codes expire after 10 minutes, exactly", async () => {
    const svc = testServices(t);
    const s = await signedInUser(svc, "ann@clinic.example");
    const start = await startCodeEnrollment(svc, s, { type: "email" });
    expect(start.ok).toBe(true);
    const code = await latestCode(svc, "ann@clinic.example");
    svc.clock.advance(10 * MINUTE);
    expect(await confirmEnrollment(svc, s, { factorId: (start as { factorId: string }).factorId, code }, CTX)).toMatchObject({ ok: false });
    svc.clock.advance(-1);
    expect(await confirmEnrollment(svc, s, { factorId: (start as { factorId: string }).factorId, code }, CTX)).toMatchObject({ ok: true });
  });

  it("SMS: validates the US number, sends the code through the outbox, resends at most every 30 s and 5 an hour", async () => {
    const svc = testServices(t);
    const s = await signedInUser(svc, "ann@clinic.example");
    expect(await startCodeEnrollment(svc, s, { type: "sms", phone: "555-0123" })).toEqual({ ok: false, fieldErrors: { phone: expect.stringMatching(/US mobile number/) } });
    const start = (await startCodeEnrollment(svc, s, { type: "sms", phone: "(614) 555-0123" })) as { factorId: string };
    const [sms] = await t.db.select().from(outbox).where(eq(outbox.recipient, "+16145550123"));
    expect(sms).toMatchObject({ channel: "sms", template: "mfa-code", subject: null });
    expect(await resendEnrollmentCode(svc, s.user, start.factorId)).toMatchObject({ ok: false, retryAfterMs: 30_000 });
    for (let i = 0; i < 4; i++) {
      svc.clock.advance(30_000);
      expect(await resendEnrollmentCode(svc, s.user, start.factorId)).toEqual({ ok: true });
    }
    svc.clock.advance(30_000);
    expect(await resendEnrollmentCode(svc, s.user, start.factorId)).toMatchObject({ ok: false });
    const code = await latestCode(svc, "+16145550123");
    expect(await confirmEnrollment(svc, s, { factorId: start.factorId, code }, CTX)).toMatchObject({ ok: true });
  });
});

describe("challenge at sign-in", () => {
  it("a TOTP code passes once; replaying it fails", async () => {
    const svc = testServices(t);
    const { secret, factorId } = await withTotp(svc);
    svc.clock.advance(60_000);
    const again = await signInAgain(svc, "ann@clinic.example");
    expect(again.mfaPassed).toBe(false);
    const code = totpCodeAt(secret, svc.clock.now().getTime());
    expect(await verifyChallenge(svc, again.session, again.user, { method: "factor", factorId, code }, CTX)).toMatchObject({ ok: true, trustedDevice: null });
    const third = await signInAgain(svc, "ann@clinic.example");
    expect(await verifyChallenge(svc, third.session, third.user, { method: "factor", factorId, code }, CTX)).toEqual({ ok: false, error: "wrong", remaining: 4 });
  });

  it("five wrong codes end the session", async () => {
    const svc = testServices(t);
    const { factorId } = await withTotp(svc);
    const s = await signInAgain(svc, "ann@clinic.example");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await verifyChallenge(svc, s.session, s.user, { method: "factor", factorId, code: "000000" }, CTX));
    expect(results.map((r) => (r.ok ? "ok" : r.error === "wrong" ? r.remaining : r.error))).toEqual([4, 3, 2, 1, "ended"]);
    expect(await validateSession(t.db, s.session.id, svc.clock)).toBeNull();
  });

  it("email codes at sign-in: sent to the account, single use", async () => {
    const svc = testServices(t);
    const s = await signedInUser(svc, "ann@clinic.example");
    const start = (await startCodeEnrollment(svc, s, { type: "email" })) as { factorId: string };
    await confirmEnrollment(svc, s, { factorId: start.factorId, code: await latestCode(svc, "ann@clinic.example") }, CTX);
    svc.clock.advance(MINUTE);
    const again = await signInAgain(svc, "ann@clinic.example");
    expect(await sendChallengeCode(svc, again.user, start.factorId)).toEqual({ ok: true });
    const code = await latestCode(svc, "ann@clinic.example");
    expect((await verifyChallenge(svc, again.session, again.user, { method: "factor", factorId: start.factorId, code }, CTX)).ok).toBe(true);
    const third = await signInAgain(svc, "ann@clinic.example");
    expect((await verifyChallenge(svc, third.session, third.user, { method: "factor", factorId: start.factorId, code }, CTX)).ok).toBe(false);
  });

  it("a recovery code works once", async () => {
    const svc = testServices(t);
    const { recoveryCodes } = await withTotp(svc);
    const s = await signInAgain(svc, "ann@clinic.example");
    expect((await verifyChallenge(svc, s.session, s.user, { method: "recovery", code: recoveryCodes[0]!.toUpperCase() }, CTX)).ok).toBe(true);
    const s2 = await signInAgain(svc, "ann@clinic.example");
    expect(await verifyChallenge(svc, s2.session, s2.user, { method: "recovery", code: recoveryCodes[0]! }, CTX)).toMatchObject({ ok: false, error: "wrong" });
    expect((await verifyChallenge(svc, s2.session, s2.user, { method: "recovery", code: recoveryCodes[1]! }, CTX)).ok).toBe(true);
    const used = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "mfa.recovery_code_used"));
    expect(used).toHaveLength(2);
    // Regenerating retires every old code.
    const fresh = await regenerateRecoveryCodes(svc, s2.user, CTX);
    const s3 = await signInAgain(svc, "ann@clinic.example");
    expect((await verifyChallenge(svc, s3.session, s3.user, { method: "recovery", code: recoveryCodes[2]! }, CTX)).ok).toBe(false);
    expect((await verifyChallenge(svc, s3.session, s3.user, { method: "recovery", code: fresh[0]! }, CTX)).ok).toBe(true);
  });

  it("another person's factor id never passes", async () => {
    const svc = testServices(t);
    const ann = await withTotp(svc, "ann@clinic.example");
    const bob = await withTotp(svc, "bob@clinic.example");
    const s = await signInAgain(svc, "bob@clinic.example");
    const r = await verifyChallenge(svc, s.session, s.user, { method: "factor", factorId: ann.factorId, code: totpCodeAt(ann.secret, svc.clock.now().getTime() + 30_000) }, CTX);
    expect(r).toMatchObject({ ok: false, error: "wrong" });
    expect(bob.factorId).not.toBe(ann.factorId);
  });
});

describe("trusted devices", () => {
  it("skip the challenge for 30 days, and a password reset revokes them", async () => {
    const svc = testServices(t);
    const { secret, factorId } = await withTotp(svc);
    svc.clock.advance(MINUTE);
    const s = await signInAgain(svc, "ann@clinic.example");
    const r = await verifyChallenge(svc, s.session, s.user, { method: "factor", factorId, code: totpCodeAt(secret, svc.clock.now().getTime()), trustDevice: true }, CTX);
    const token = (r as { trustedDevice: { token: string } }).trustedDevice.token;
    expect((await signInAgain(svc, "ann@clinic.example", { trustedDeviceToken: token })).mfaPassed).toBe(true);
    expect((await signInAgain(svc, "ann@clinic.example", { trustedDeviceToken: "forged" })).mfaPassed).toBe(false);

    svc.clock.advance(30 * DAY - 2 * MINUTE);
    expect(await isTrustedDevice(t.db, s.user.id, token, svc.clock)).toBe(true);
    svc.clock.advance(2 * MINUTE);
    expect(await isTrustedDevice(t.db, s.user.id, token, svc.clock)).toBe(false);

    // A new trust, then a password reset.
    const s2 = await signInAgain(svc, "ann@clinic.example");
    const r2 = await verifyChallenge(svc, s2.session, s2.user, { method: "factor", factorId, code: totpCodeAt(secret, svc.clock.now().getTime()), trustDevice: true }, CTX);
    const token2 = (r2 as { trustedDevice: { token: string } }).trustedDevice.token;
    await settled((defer) => requestPasswordReset(svc, { email: "ann@clinic.example" }, CTX, defer));
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.template, "password-reset"));
    await resetPassword(svc, { token: tokenFrom(mail!.bodyText), password: "New-Harbor-77y", confirmPassword: "New-Harbor-77y" }, CTX);
    expect(await isTrustedDevice(t.db, s.user.id, token2, svc.clock)).toBe(false);
  });

  it("do not work for another person", async () => {
    const svc = testServices(t);
    const ann = await withTotp(svc, "ann@clinic.example");
    await withTotp(svc, "bob@clinic.example");
    svc.clock.advance(MINUTE);
    const s = await signInAgain(svc, "ann@clinic.example");
    const r = await verifyChallenge(svc, s.session, s.user, { method: "factor", factorId: ann.factorId, code: totpCodeAt(ann.secret, svc.clock.now().getTime()), trustDevice: true }, CTX);
    const token = (r as { trustedDevice: { token: string } }).trustedDevice.token;
    expect((await signInAgain(svc, "bob@clinic.example", { trustedDeviceToken: token })).mfaPassed).toBe(false);
  });
});

describe("managing factors", () => {
  it("the last factor cannot be removed; another can", async () => {
    const svc = testServices(t);
    const s = await withTotp(svc);
    expect(await removeFactor(svc, s.user, s.factorId, CTX)).toEqual({ ok: false, error: "last_factor" });
    const start = (await startCodeEnrollment(svc, s, { type: "email" })) as { factorId: string };
    const added = await confirmEnrollment(svc, s, { factorId: start.factorId, code: await latestCode(svc, "ann@clinic.example") }, CTX);
    expect(added).toEqual({ ok: true, recoveryCodes: null });
    const bob = await signedInUser(svc, "bob@clinic.example");
    expect(await removeFactor(svc, bob.user, s.factorId, CTX)).toEqual({ ok: false, error: "not_found" });
    expect(await removeFactor(svc, s.user, s.factorId, CTX)).toEqual({ ok: true });
    expect((await confirmedFactors(t.db, s.user.id)).map((f) => f.type)).toEqual(["email"]);
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, s.session.id));
    expect(session!.revokedAt).toBeNull();
  });
});
