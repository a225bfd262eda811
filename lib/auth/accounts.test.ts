import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, outbox, sessions, users } from "@/db/schema";
import { DAY, HOUR, MINUTE } from "@/lib/clock";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { CTX, settled, testServices, tokenFrom } from "@/tests/services";
import { activateAccount, resendActivation } from "./activation";
import { checkResetLink, requestPasswordReset, resetPassword } from "./password-reset";
import { registerAccount } from "./register";
import { validateSession } from "./sessions";
import { signIn } from "./sign-in";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

const PASSWORD = "Blue-Harbor-42x";
const person = { email: "Mary.Smith@Clinic.Example", password: PASSWORD, firstName: "Mary", lastName: "Smith", securityQuestion: "What city were you born in?", securityAnswer: "Akron" };

async function mails(to: string, template?: string) {
  const rows = await t.db.select().from(outbox).where(eq(outbox.recipient, to)).orderBy(desc(outbox.createdAt));
  return template ? rows.filter((r) => r.template === template) : rows;
}

async function registeredAndActivated(svc = testServices(t)) {
  await registerAccount(svc, person, CTX);
  const [mail] = await mails("mary.smith@clinic.example", "activation");
  expect(await activateAccount(svc, tokenFrom(mail!.bodyText), CTX)).toBe("activated");
  return svc;
}

describe("Create Account", () => {
  it("creates one account with hashed secrets and emails an activation link", async () => {
    const svc = testServices(t);
    expect(await registerAccount(svc, person, CTX)).toEqual({ ok: true });
    const [u] = await t.db.select().from(users);
    expect(u).toMatchObject({ email: "mary.smith@clinic.example", firstName: "Mary", activatedAt: null });
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u!.securityAnswerHash).toMatch(/^\$argon2id\$/);
    expect(u!.passwordHash).not.toContain(PASSWORD);
    const [mail] = await mails("mary.smith@clinic.example");
    expect(mail).toMatchObject({ template: "activation", subject: "Activate Account", channel: "email" });
    expect(mail!.bodyText).toContain("http://portal.test/activate?token=");
    expect(mail!.bodyHtml).toContain("Activate Account");
  });

  it("registering twice with one email makes no second account and mails the owner instead, with the same answer", async () => {
    const svc = testServices(t);
    await registerAccount(svc, person, CTX);
    const second = await registerAccount(svc, { ...person, email: " MARY.smith@clinic.example ", firstName: "Impostor", password: "Other-Pass-99!" }, CTX);
    expect(second).toEqual({ ok: true });
    expect(await t.db.select().from(users)).toHaveLength(1);
    const templates = (await mails("mary.smith@clinic.example")).map((m) => m.template);
    expect(templates.sort()).toEqual(["activation", "already-registered"]);
    const [notice] = await mails("mary.smith@clinic.example", "already-registered");
    expect(notice!.bodyText).toContain("Hello Mary,");
    expect(notice!.bodyText).toContain("http://portal.test/forgot-password");
  });

  it("saves nothing when any field is bad, and names each field", async () => {
    const svc = testServices(t);
    const r = await registerAccount(svc, { ...person, email: "bad", password: "short", firstName: "" }, CTX);
    expect(r).toMatchObject({ ok: false, fieldErrors: { email: expect.any(String), firstName: "Enter your first name" } });
    expect(await registerAccount(svc, { ...person, password: "Password123!" }, CTX)).toEqual({
      ok: false,
      fieldErrors: { password: "This password is too common. Choose one that is harder to guess." },
    });
    expect(await registerAccount(svc, { ...person, password: "xx-Mary.Smith-99" }, CTX)).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/username/) } });
    expect(await registerAccount(svc, null, CTX)).toMatchObject({ ok: false });
    expect(await t.db.select().from(users)).toHaveLength(0);
    expect(await t.db.select().from(outbox)).toHaveLength(0);
  });

  it("is rate-limited per IP", async () => {
    const svc = testServices(t);
    for (let i = 0; i < 10; i++) expect((await registerAccount(svc, { ...person, email: `p${i}@x.example` }, CTX)).ok).toBe(true);
    const r = await registerAccount(svc, { ...person, email: "p11@x.example" }, CTX);
    expect(r).toMatchObject({ ok: false, rateLimited: true });
    expect(await t.db.select().from(users)).toHaveLength(10);
  });
});

describe("activation", () => {
  it("works once; a second use and a forged token are refused", async () => {
    const svc = testServices(t);
    await registerAccount(svc, person, CTX);
    const token = tokenFrom((await mails("mary.smith@clinic.example", "activation"))[0]!.bodyText);
    expect(await activateAccount(svc, token, CTX)).toBe("activated");
    expect(await activateAccount(svc, token, CTX)).toBe("used");
    expect(await activateAccount(svc, "forged-token-value-1234567890", CTX)).toBe("invalid");
    const [u] = await t.db.select().from(users);
    expect(u!.activatedAt?.toISOString()).toBe("2026-11-01T12:00:00.000Z");
  });

  it("expires after 7 days, to the millisecond", async () => {
    const svc = testServices(t);
    await registerAccount(svc, person, CTX);
    const token = tokenFrom((await mails("mary.smith@clinic.example", "activation"))[0]!.bodyText);
    svc.clock.advance(7 * DAY);
    expect(await activateAccount(svc, token, CTX)).toBe("expired");
    svc.clock.advance(-1);
    expect(await activateAccount(svc, token, CTX)).toBe("activated");
  });

  it("resend answers the same for any address and only the newest link works", async () => {
    const svc = testServices(t);
    await registerAccount(svc, person, CTX);
    const first = tokenFrom((await mails("mary.smith@clinic.example", "activation"))[0]!.bodyText);
    expect(await settled((defer) => resendActivation(svc, { email: "mary.smith@clinic.example" }, CTX, defer))).toEqual({ ok: true });
    expect(await settled((defer) => resendActivation(svc, { email: "nobody@clinic.example" }, CTX, defer))).toEqual({ ok: true });
    expect(await mails("nobody@clinic.example")).toHaveLength(0);
    const newest = tokenFrom((await mails("mary.smith@clinic.example", "activation"))[0]!.bodyText);
    expect(newest).not.toBe(first);
    expect(await activateAccount(svc, first, CTX)).toBe("used");
    expect(await activateAccount(svc, newest, CTX)).toBe("activated");
    // An active account gets no activation email.
    await settled((defer) => resendActivation(svc, { email: "mary.smith@clinic.example" }, CTX, defer));
    expect(await mails("mary.smith@clinic.example", "activation")).toHaveLength(2);
    // Three per email per hour.
    expect(await settled((defer) => resendActivation(svc, { email: "mary.smith@clinic.example" }, CTX, defer))).toEqual({ ok: true });
    expect(await settled((defer) => resendActivation(svc, { email: "mary.smith@clinic.example" }, CTX, defer))).toMatchObject({ ok: false, rateLimited: true });
  });
});

describe("sign in", () => {
  it("opens a server-side session for the right password", async () => {
    const svc = await registeredAndActivated();
    const r = await signIn(svc, { email: "MARY.SMITH@clinic.example", password: PASSWORD }, CTX);
    expect(r).toMatchObject({ ok: true });
    const live = await validateSession(t.db, (r as { sessionId: string }).sessionId, svc.clock);
    expect(live?.user.email).toBe("mary.smith@clinic.example");
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in.succeeded"));
    expect(audit[0]).toMatchObject({ ip: "203.0.113.7", userAgent: "vitest" });
  });

  it("says when the account is not activated, only with the right password", async () => {
    const svc = testServices(t);
    await registerAccount(svc, person, CTX);
    expect(await signIn(svc, { email: person.email, password: PASSWORD }, CTX)).toEqual({ ok: false, code: "not_activated" });
    expect(await signIn(svc, { email: person.email, password: "Wrong-Pass-123" }, CTX)).toEqual({ ok: false, code: "invalid", remaining: 4 });
  });

  it("locks after 5 consecutive failures, refuses the right password, emails the owner once", async () => {
    const svc = await registeredAndActivated();
    for (let i = 1; i <= 4; i++) expect(await signIn(svc, { email: person.email, password: `Wrong-Pass-${i}x` }, CTX)).toEqual({ ok: false, code: "invalid", remaining: 5 - i });
    expect(await signIn(svc, { email: person.email, password: "Wrong-Pass-5x" }, CTX)).toEqual({ ok: false, code: "locked" });
    expect(await signIn(svc, { email: person.email, password: PASSWORD }, CTX)).toEqual({ ok: false, code: "locked" });
    expect(await signIn(svc, { email: person.email, password: "Wrong-Pass-6x" }, CTX)).toEqual({ ok: false, code: "locked" });
    expect(await mails("mary.smith@clinic.example", "account-locked")).toHaveLength(1);
  });

  it("a success in between resets the count", async () => {
    const svc = await registeredAndActivated();
    for (let i = 0; i < 4; i++) await signIn(svc, { email: person.email, password: "Wrong-Pass-1x" }, CTX);
    expect((await signIn(svc, { email: person.email, password: PASSWORD }, CTX)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect(await signIn(svc, { email: person.email, password: "Wrong-Pass-1x" }, CTX)).toEqual({ ok: false, code: "invalid", remaining: 4 - i });
  });

  it("the lock ends after exactly 24 hours", async () => {
    const svc = await registeredAndActivated();
    for (let i = 0; i < 5; i++) await signIn(svc, { email: person.email, password: "Wrong-Pass-1x" }, { ...CTX, ip: `10.0.0.${i}` });
    svc.clock.advance(24 * HOUR - 1);
    expect(await signIn(svc, { email: person.email, password: PASSWORD }, CTX)).toEqual({ ok: false, code: "locked" });
    svc.clock.advance(1);
    expect((await signIn(svc, { email: person.email, password: PASSWORD }, CTX)).ok).toBe(true);
  });

  it("an unknown email answers exactly as a known one: invalid four times, then locked", async () => {
    const svc = await registeredAndActivated();
    const ghost = [];
    const known = [];
    for (let i = 0; i < 6; i++) ghost.push(await signIn(svc, { email: "ghost@clinic.example", password: PASSWORD }, CTX));
    for (let i = 0; i < 6; i++) known.push(await signIn(svc, { email: person.email, password: "Wrong-Pass-1x" }, CTX));
    expect(ghost.map((a) => (a.ok ? "ok" : a.code))).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"]);
    // Word for word the same answers, "2 tries left" included.
    expect(ghost).toEqual(known);
    expect(await mails("ghost@clinic.example")).toHaveLength(0);
  });

  it("is rate-limited per account, with when to retry", async () => {
    const svc = await registeredAndActivated();
    // Spread over windows of the lock so the per-email limit (10 / 15 min) is what refuses.
    for (let i = 0; i < 10; i++) await signIn(svc, { email: "ghost@clinic.example", password: "x" }, { ...CTX, ip: `10.1.0.${i}` });
    const r = await signIn(svc, { email: "ghost@clinic.example", password: "x" }, { ...CTX, ip: "10.1.1.1" });
    expect(r).toMatchObject({ ok: false, code: "rate_limited" });
    expect((r as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(15 * MINUTE);
  });
});

describe("sessions", () => {
  it("end after 30 idle minutes and after 12 hours whatever the activity", async () => {
    const svc = await registeredAndActivated();
    const r = (await signIn(svc, { email: person.email, password: PASSWORD }, CTX)) as { sessionId: string };
    svc.clock.advance(29 * MINUTE);
    expect(await validateSession(t.db, r.sessionId, svc.clock)).not.toBeNull();
    svc.clock.advance(30 * MINUTE);
    expect(await validateSession(t.db, r.sessionId, svc.clock)).toBeNull();

    const r2 = (await signIn(svc, { email: person.email, password: PASSWORD }, CTX)) as { sessionId: string };
    const started = svc.clock.now().getTime();
    // Active every 29 minutes: never idle, and still cut off at 12 hours.
    while (svc.clock.now().getTime() + 29 * MINUTE < started + 12 * HOUR) {
      svc.clock.advance(29 * MINUTE);
      expect(await validateSession(t.db, r2.sessionId, svc.clock)).not.toBeNull();
    }
    svc.clock.set(new Date(started + 12 * HOUR));
    expect(await validateSession(t.db, r2.sessionId, svc.clock)).toBeNull();
    expect(await validateSession(t.db, "not-a-uuid", svc.clock)).toBeNull();
  });
});

describe("forgot password", () => {
  it("answers the same for any address; the link resets, unlocks, ends sessions, and works once", async () => {
    const svc = await registeredAndActivated();
    const s = (await signIn(svc, { email: person.email, password: PASSWORD }, CTX)) as { sessionId: string };
    for (let i = 0; i < 5; i++) await signIn(svc, { email: person.email, password: "Wrong-Pass-1x" }, { ...CTX, ip: `10.2.0.${i}` });
    expect(await signIn(svc, { email: person.email, password: PASSWORD }, CTX)).toEqual({ ok: false, code: "locked" });

    expect(await settled((defer) => requestPasswordReset(svc, { email: "nobody@clinic.example" }, CTX, defer))).toEqual({ ok: true });
    expect(await settled((defer) => requestPasswordReset(svc, { email: person.email }, CTX, defer))).toEqual({ ok: true });
    expect(await mails("nobody@clinic.example")).toHaveLength(0);
    const [mail] = await mails("mary.smith@clinic.example", "password-reset");
    expect(mail!.subject).toBe("Reset your Provider Portal password");
    const token = tokenFrom(mail!.bodyText);
    expect(await checkResetLink(svc, token)).toEqual({ status: "valid", email: "mary.smith@clinic.example" });

    // The rules apply, and the current password is refused; none of this uses up the link.
    expect(await resetPassword(svc, { token, password: "weak", confirmPassword: "weak" }, CTX)).toMatchObject({ ok: false, fieldErrors: { password: expect.any(String) } });
    expect(await resetPassword(svc, { token, password: "New-Harbor-77y", confirmPassword: "New-Harbor-77z" }, CTX)).toMatchObject({ ok: false, fieldErrors: { confirmPassword: "Passwords do not match" } });
    expect(await resetPassword(svc, { token, password: PASSWORD, confirmPassword: PASSWORD }, CTX)).toMatchObject({ ok: false, fieldErrors: { password: "Choose a password different from your current one" } });

    expect(await resetPassword(svc, { token, password: "New-Harbor-77y", confirmPassword: "New-Harbor-77y" }, CTX)).toEqual({ ok: true });
    expect(await resetPassword(svc, { token, password: "Newer-Harbor-88z", confirmPassword: "Newer-Harbor-88z" }, CTX)).toEqual({ ok: false, link: "used" });
    expect(await checkResetLink(svc, token)).toEqual({ status: "used" });

    expect(await validateSession(t.db, s.sessionId, svc.clock)).toBeNull();
    const live = await t.db.select().from(sessions).where(and(eq(sessions.userId, (await t.db.select().from(users))[0]!.id)));
    expect(live.every((x) => x.revokedAt)).toBe(true);
    expect((await signIn(svc, { email: person.email, password: "New-Harbor-77y" }, CTX)).ok).toBe(true);
    expect(await mails("mary.smith@clinic.example", "password-changed")).toHaveLength(1);
  });

  it("the link expires after 1 hour, and a newer link retires the older", async () => {
    const svc = await registeredAndActivated();
    await settled((defer) => requestPasswordReset(svc, { email: person.email }, CTX, defer));
    const first = tokenFrom((await mails("mary.smith@clinic.example", "password-reset"))[0]!.bodyText);
    svc.clock.advance(HOUR);
    expect(await resetPassword(svc, { token: first, password: "New-Harbor-77y", confirmPassword: "New-Harbor-77y" }, CTX)).toEqual({ ok: false, link: "expired" });
    await settled((defer) => requestPasswordReset(svc, { email: person.email }, CTX, defer));
    const second = tokenFrom((await mails("mary.smith@clinic.example", "password-reset"))[0]!.bodyText);
    await settled((defer) => requestPasswordReset(svc, { email: person.email }, CTX, defer));
    expect(await checkResetLink(svc, second)).toEqual({ status: "used" });
    expect(await resetPassword(svc, { token: "forged", password: "New-Harbor-77y", confirmPassword: "New-Harbor-77y" }, CTX)).toEqual({ ok: false, link: "invalid" });
  });

  it("two requests racing with one link: exactly one succeeds", async () => {
    const svc = await registeredAndActivated();
    await settled((defer) => requestPasswordReset(svc, { email: person.email }, CTX, defer));
    const token = tokenFrom((await mails("mary.smith@clinic.example", "password-reset"))[0]!.bodyText);
    const results = await Promise.all([
      resetPassword(svc, { token, password: "New-Harbor-77y", confirmPassword: "New-Harbor-77y" }, CTX),
      resetPassword(svc, { token, password: "Other-Harbor-88z", confirmPassword: "Other-Harbor-88z" }, CTX),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await mails("mary.smith@clinic.example", "password-changed")).toHaveLength(1);
  });
});
