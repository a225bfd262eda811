import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { CTX, testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { SUPPORT_MESSAGE_MAX, SUPPORT_RATE } from "./policy";
import { sendSupportMessage } from "./send-message";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

const valid = { name: "Rosa Diaz", email: "Rosa@Clinic.example", phone: "614-555-0100", topic: "sign-in", message: "I cannot find the activation email." };
let address = 0;
const from = () => ({ ...CTX, ip: `203.0.113.${++address}` });

describe("Send Message", () => {
  it("queues one email to the support desk with who wrote and what, and nothing to the sender", async () => {
    const svc = testServices(t);
    expect(await sendSupportMessage(svc, valid, from())).toEqual({ ok: true });
    const rows = await t.db.select().from(outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.recipient).toBe(svc.mail.supportEmail);
    expect(rows[0]!.template).toBe("support-message");
    expect(rows[0]!.subject).toBe("Send Message: Signing in or my account");
    expect(rows[0]!.bodyText).toContain("From: Rosa Diaz <rosa@clinic.example>, phone 614-555-0100");
    expect(rows[0]!.bodyText).toContain("I cannot find the activation email.");
  });

  it("names every missing or bad field and queues nothing", async () => {
    const svc = testServices(t);
    const answer = await sendSupportMessage(svc, { name: "", email: "nope", phone: "call me", topic: "lottery", message: "" }, from());
    expect(answer).toEqual({
      ok: false,
      fieldErrors: {
        name: "Enter your name",
        email: expect.any(String),
        phone: "Enter a phone number such as 614-555-0100, or leave it empty",
        topic: "Choose what your message is about",
        message: "Enter your message",
      },
    });
    expect(await sendSupportMessage(svc, { ...valid, message: "x".repeat(SUPPORT_MESSAGE_MAX + 1) }, from())).toMatchObject({ ok: false, fieldErrors: { message: expect.stringContaining(String(SUPPORT_MESSAGE_MAX)) } });
    expect(await sendSupportMessage(svc, { ...valid, name: "Rosa\u0000" }, from())).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await sendSupportMessage(svc, null, from())).toMatchObject({ ok: false });
    expect(await t.db.select().from(outbox)).toHaveLength(0);
  });

  it("answers a filled honeypot as if it worked, and sends nothing", async () => {
    expect(await sendSupportMessage(testServices(t), { ...valid, website: "http://spam.example" }, from())).toEqual({ ok: true });
    expect(await t.db.select().from(outbox)).toHaveLength(0);
  });

  it("limits messages per address and per sender email", async () => {
    const svc = testServices(t);
    const ctx = from();
    for (let i = 0; i < SUPPORT_RATE.ip.limit; i++) expect(await sendSupportMessage(svc, { ...valid, email: `p${i}@clinic.example` }, ctx)).toEqual({ ok: true });
    expect(await sendSupportMessage(svc, { ...valid, email: "another@clinic.example" }, ctx)).toMatchObject({ ok: false, rateLimited: true });

    for (let i = 0; i < SUPPORT_RATE.email.limit; i++) expect(await sendSupportMessage(svc, { ...valid, email: "same@clinic.example" }, from())).toEqual({ ok: true });
    expect(await sendSupportMessage(svc, { ...valid, email: "same@clinic.example" }, from())).toMatchObject({ ok: false, rateLimited: true });
    expect(await t.db.select().from(outbox).where(eq(outbox.recipient, svc.mail.supportEmail))).toHaveLength(SUPPORT_RATE.ip.limit + SUPPORT_RATE.email.limit);
  });
});
