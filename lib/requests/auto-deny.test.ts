import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { accessRequests, auditEvents, outbox, providers } from "@/db/schema";
import { DAY } from "@/lib/clock";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";
import { providerDisplayName } from "@/lib/registry/rows";
import { TEST_MAIL, testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { autoDenyExpired } from "./cleanup";
import { notificationText } from "@/lib/messages/notify";
import { deniedEmail } from "./emails";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());

let mary: string;
let buckeye: string;
beforeEach(async () => {
  await t.reset();
  await importRegistry(t.db, (async function* () {
    yield demoRegistryCsv();
  })());
  const all = await t.db.select().from(providers);
  mary = all.find((p) => p.npi === "1234567893")!.id;
  buckeye = all.find((p) => p.npi === "1093814758")!.id;
});

/** Inserts `count` pending requests for the provider, submitted `ageDays` before the clock's now. */
async function insertRequests(providerId: string, count: number, ageDays: number, now: Date, firstName = "R", tag = "r") {
  await t.db.execute(sql`
    insert into access_requests (provider_id, program, state, first_name, last_name, position_title, email, phone, reason, created_at)
    select ${providerId}::uuid, 'medicaid', 'OH', ${firstName}, 'Q' || g, 'Clerk', ${tag} || g || '@example.org', '614-555-0100', 'bulk',
           ${now.toISOString()}::timestamptz - make_interval(days => ${ageDays})
    from generate_series(1, ${count}) g`);
}

describe("autoDenyExpired (set-based)", () => {
  it("queues exactly the email the JS template renders, whatever the names contain", async () => {
    const svc = testServices(t);
    const now = svc.clock.now();
    await t.db.update(providers).set({ groupName: `Buckeye & Sons <Family> "Medicine" O'Neil` }).where(eq(providers.id, buckeye));
    const names = [`O'Brien <b>&amp; "x"`, "\uE000providerName\uE001", "Zoë", "$1 \\ %s"];
    for (const [i, name] of names.entries()) await insertRequests(i % 2 ? buckeye : mary, 1, 6, now, name, `n${i}-`);

    expect(await autoDenyExpired(svc)).toBe(names.length);

    const byId = new Map((await t.db.select().from(providers)).map((p) => [p.id, providerDisplayName(p)]));
    const requests = await t.db.select().from(accessRequests);
    for (const r of requests) {
      const expected = deniedEmail(TEST_MAIL, { firstName: r.firstName, providerName: byId.get(r.providerId)!, reason: null, automatic: true });
      const [mail] = await t.db.select().from(outbox).where(eq(outbox.recipient, r.email));
      expect(mail).toMatchObject({ channel: "email", template: expected.template, subject: expected.subject, bodyText: expected.text, bodyHtml: expected.html, status: "pending" });
      expect(r).toMatchObject({ status: "denied", decidedAutomatically: "cron", decidedAt: now });
    }
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "access_request.auto_denied"));
    expect(audits.map((a) => a.details).sort((a, b) => String(a.email).localeCompare(String(b.email)))).toEqual(
      requests.map((r) => ({ requestId: r.id, email: r.email })).sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it("two runs at once deny each expired request once, with one email, one audit event and one notification each; younger ones stay pending", async () => {
    const svc = testServices(t);
    const now = svc.clock.now();
    const total = 3000;
    await insertRequests(mary, total, 6, now);
    await insertRequests(buckeye, 7, 4, now, "Young", "young");
    // An already-decided old request is not touched.
    await insertRequests(buckeye, 1, 9, now, "Old", "decided");
    await t.db.update(accessRequests).set({ status: "approved" }).where(eq(accessRequests.email, "decided1@example.org"));

    // Mary has an administrator: each of her denied requests also notifies their Message Box once.
    await t.db.execute(sql`
      insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
      values ('admin@mary.example', 'x', 'Ada', 'Admin', 'q', 'x', now())`);
    await t.db.execute(sql`
      insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
      select ${mary}::uuid, id, 'admin', '{}', 'active', 'association' from users where email = 'admin@mary.example'`);

    const [a, b] = await Promise.all([autoDenyExpired(svc, 250), autoDenyExpired(testServices(t), 250)]);
    expect(a + b).toBe(total);

    const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await t.db.execute(q))[0]!.n);
    expect(await count(sql`select count(*)::int as n from access_requests where status = 'denied' and decided_automatically = 'cron'`)).toBe(total);
    expect(await count(sql`select count(*)::int as n from access_requests where status = 'pending'`)).toBe(7);
    expect(await count(sql`select count(*)::int as n from access_requests where status = 'approved'`)).toBe(1);
    expect(await count(sql`select count(distinct recipient)::int as n from outbox where template = 'access-request-auto-denied'`)).toBe(total);
    expect(await count(sql`select count(*)::int as n from outbox where template = 'access-request-auto-denied'`)).toBe(total);
    expect(await count(sql`select count(*)::int as n from message_threads where kind = 'access_request.auto_denied' and provider_id = ${mary}::uuid`)).toBe(total);
    expect(await count(sql`select count(*)::int as n from message_participants where provider_id = ${mary}::uuid`)).toBe(total);
    expect(await count(sql`select count(distinct details->>'requestId')::int as n from audit_events where action = 'access_request.auto_denied'`)).toBe(total);
    expect(await count(sql`select count(*)::int as n from audit_events`)).toBe(total);
    // The notification is the one notifyAll writes for this event, and the administrator gets one notice email.
    const [thread] = rowsOf<{ subject: string; body: string; sender_name: string; unread_count: number; is_notification: boolean }>(
      await t.db.execute(sql`
        select t.subject, m.body, m.sender_name, p.unread_count, t.is_notification from message_threads t
        join messages m on m.thread_id = t.id join message_participants p on p.thread_id = t.id
        where t.kind = 'access_request.auto_denied' limit 1`),
    );
    const requester = thread!.subject.replace(/^Access request from (.*) denied automatically$/, "$1");
    expect(requester).toMatch(/^R Q\d+$/);
    const text = notificationText({ kind: "access_request.auto_denied", providerId: mary, requesterName: requester }, () => "", TEST_MAIL.portalName);
    expect(thread).toEqual({ subject: text.subject, body: text.body, sender_name: TEST_MAIL.portalName, unread_count: 1, is_notification: true });
    expect(await count(sql`select count(*)::int as n from outbox where recipient = 'admin@mary.example'`)).toBe(1);
    expect(await autoDenyExpired(svc)).toBe(0);
  });
});
