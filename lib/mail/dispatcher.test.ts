import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { outbox } from "@/db/schema";
import { fixedClock, MINUTE } from "@/lib/clock";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { backoffMs, dispatchOutbox, MAX_ATTEMPTS } from "./dispatcher";
import { enqueueEmail, enqueueSms } from "./outbox";
import { configuredTransports, resendTransport, type Transport } from "./transports";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());
afterEach(() => vi.unstubAllGlobals());

/** Rows default next_attempt_at to the database clock, so tests start just after real time. */
const soon = () => new Date(Date.now() + 1000);
const message = { to: "ann@example.org", template: "test", subject: "Hello", text: "Hi Ann", html: "<p>Hi Ann</p>" };

/** Stubs fetch for api.resend.com only: the network edge the Resend SDK talks through. */
function mockResend(responses: Array<{ status: number; body: unknown }>) {
  const calls: { url: string; body: Record<string, unknown>; headers: Headers }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.startsWith("https://api.resend.com/")) throw new Error(`unexpected request to ${url}`);
      calls.push({ url, body: JSON.parse(String(init?.body)), headers: new Headers(init?.headers) });
      const next = responses.shift() ?? { status: 500, body: { name: "internal_server_error", message: "no more responses" } };
      return new Response(JSON.stringify(next.body), { status: next.status, headers: { "content-type": "application/json" } });
    }),
  );
  return calls;
}

describe("outbox", () => {
  it("is written inside the caller's transaction and rolled back with it", async () => {
    await t.db.transaction(async (tx) => {
      await enqueueEmail(tx, message);
    });
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmail(tx, { ...message, to: "rolled-back@example.org" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await t.db.select().from(outbox);
    expect(rows.map((r) => r.recipient)).toEqual(["ann@example.org"]);
    expect(rows[0]).toMatchObject({ channel: "email", status: "pending", attempts: 0, subject: "Hello", bodyText: "Hi Ann", sentAt: null });
  });

  it("stores SMS without a subject or HTML", async () => {
    await enqueueSms(t.db, { to: "+16145550100", template: "mfa-code", text: "Your code is 123456" });
    const [row] = await t.db.select().from(outbox);
    expect(row).toMatchObject({ channel: "sms", subject: null, bodyHtml: null });
  });
});

describe("dispatchOutbox through Resend", () => {
  it("sends each row once with the outbox id as idempotency key", async () => {
    const calls = mockResend([{ status: 200, body: { id: "em_1" } }]);
    const clock = fixedClock(soon());
    const id = await enqueueEmail(t.db, message);
    const transports = { email: resendTransport("re_test", "Portal <no-reply@example.org>") };

    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(60 * MINUTE);
    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ to: "ann@example.org", subject: "Hello", text: "Hi Ann" });
    expect(calls[0]!.headers.get("idempotency-key")).toBe(`outbox-${id}`);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row!.sentAt?.getTime()).toBe(clock.now().getTime() - 60 * MINUTE);
  });

  it("records the error, backs off, retries, and succeeds", async () => {
    const calls = mockResend([
      { status: 500, body: { name: "internal_server_error", message: "try later" } },
      { status: 200, body: { id: "em_2" } },
    ]);
    const clock = fixedClock(soon());
    const id = await enqueueEmail(t.db, message);
    const transports = { email: resendTransport("re_test", "Portal <no-reply@example.org>") };

    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toContain("try later");
    expect(row!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(backoffMs(1));

    // Not due yet: nothing is sent before the backoff has passed.
    clock.advance(backoffMs(1) - 1000);
    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(1000);
    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(calls).toHaveLength(2);
  });

  it("gives up after the last attempt and marks the row failed", async () => {
    mockResend([]);
    const clock = fixedClock(soon());
    const id = await enqueueEmail(t.db, message);
    const transports = { email: resendTransport("re_test", "Portal <no-reply@example.org>") };
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      expect((await dispatchOutbox(t.db, transports, clock)).retrying).toBe(1);
      clock.advance(backoffMs(i));
    }
    expect(await dispatchOutbox(t.db, transports, clock)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("two dispatchers running at once send each row once", async () => {
    const sent: string[] = [];
    const slow: Transport = {
      name: "slow",
      send: async (row) => {
        await new Promise((r) => setTimeout(r, 20));
        sent.push(row.id);
      },
    };
    for (let i = 0; i < 10; i++) await enqueueEmail(t.db, { ...message, to: `u${i}@example.org` });
    const clock = fixedClock(new Date(Date.now() + 1000));
    const [a, b] = await Promise.all([
      dispatchOutbox(t.db, { email: slow }, clock, 6),
      dispatchOutbox(t.db, { email: slow }, clock, 6),
    ]);
    const again = await dispatchOutbox(t.db, { email: slow }, clock, 6);
    expect(a.sent + b.sent + again.sent).toBe(10);
    expect(new Set(sent).size).toBe(10);
    expect(sent).toHaveLength(10);
  });

  it("with no transport configured leaves every row for the local mailbox", async () => {
    await enqueueEmail(t.db, message);
    const transports = configuredTransports({ MAIL_FROM: "x <x@example.org>" });
    expect(transports).toEqual({ email: undefined, sms: undefined });
    expect(await dispatchOutbox(t.db, transports, fixedClock(new Date()))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [row] = await t.db.select().from(outbox);
    expect(row!.status).toBe("pending");
  });
});

describe("backoffMs", () => {
  it("doubles from 30 seconds and caps at an hour", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});
