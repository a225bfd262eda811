import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accessRequests, messageParticipants, messages, messageThreads, outbox, providerMemberships, providers, users } from "@/db/schema";
import { MINUTE } from "@/lib/clock";
import { denyRequest } from "@/lib/requests/decide";
import { submitAccessRequest } from "@/lib/requests/submit";
import { revokeUser } from "@/lib/users/manage";
import { CTX, testServices } from "@/tests/services";
import { loadDemoProviders } from "@/tests/demo-providers";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { addressableMembers } from "./addressing";
import { listBox, PAGE_SIZE, readThread, setThreadState, unreadThreadCount } from "./box";
import { NOTICE_SUBJECT, setNoticeSetting } from "./notice";
import { notify } from "./notify";
import { composeMessage, replyToThread } from "./send";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());

let MARY: string;
let JOHN: string;
beforeEach(async () => {
  await t.reset();
  ({ mary: MARY, john: JOHN } = await loadDemoProviders(t));
});

let n = 0;
async function person(first: string, providerId: string, role: "admin" | "user", permissions: string[] = ["message_box"]) {
  n++;
  const [u] = await t.db
    .insert(users)
    .values({ email: `${first.toLowerCase()}${n}@x.example`, passwordHash: "x", firstName: first, lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: new Date() })
    .returning();
  const [m] = await t.db.insert(providerMemberships).values({ providerId, userId: u!.id, role, permissions, source: "association" }).returning();
  return { userId: u!.id, email: u!.email, name: `${first} Person${n}`, membershipId: m!.id };
}

const countOf = async (table: typeof messageThreads | typeof messages | typeof outbox) => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
const notices = (to: string) => t.db.select().from(outbox).where(and(eq(outbox.recipient, to), eq(outbox.template, "message-notice")));

describe("notifications", () => {
  it("are written in the event's transaction and rolled back with it", async () => {
    const svc = testServices(t);
    const admin = await person("Alice", MARY, "admin");
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, svc, { kind: "access_request.received", providerId: MARY, requesterName: "Rosa Diaz" });
        expect(await unreadThreadCount(tx, admin.userId, MARY)).toBe(1);
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await countOf(messageThreads)).toBe(0);
    expect(await countOf(messages)).toBe(0);
    expect(await notices(admin.email)).toHaveLength(0);
  });

  it("an access request reaches every administrator, not users or other providers; a denial follows", async () => {
    const svc = testServices(t);
    const a1 = await person("Alice", MARY, "admin");
    const a2 = await person("Ann", MARY, "admin");
    const user = await person("Bob", MARY, "user");
    const other = await person("Otto", JOHN, "admin");
    const request = { program: "both", state: "OH", npi: "1234567893", firstName: "Rosa", lastName: "Diaz", positionTitle: "Billing", email: "rosa@example.org", confirmEmail: "rosa@example.org", phoneArea: "614", phonePrefix: "555", phoneLine: "0100", phoneExtension: "", reason: "Claims" };
    expect(await submitAccessRequest(svc, request, CTX)).toEqual({ ok: true });
    for (const a of [a1, a2]) {
      const box = await listBox(t.db, a.userId, MARY, "inbox", 1);
      expect(box.rows.map((r) => [r.subject, r.isNotification, r.unreadCount])).toEqual([["New access request from Rosa Diaz", true, 1]]);
      expect(await notices(a.email)).toHaveLength(1);
    }
    expect((await listBox(t.db, user.userId, MARY, "inbox", 1)).rows).toEqual([]);
    expect((await listBox(t.db, other.userId, JOHN, "inbox", 1)).rows).toEqual([]);

    const [req] = await t.db.select().from(accessRequests);
    svc.clock.advance(MINUTE);
    expect(await denyRequest(svc, a1.userId, MARY, req!.id, { reason: "" }, CTX)).toEqual({ ok: true });
    const box = await listBox(t.db, a2.userId, MARY, "inbox", 1);
    expect(box.rows[0]!.subject).toBe("Access request from Rosa Diaz denied");
    const thread = await readThread(t.db, a2.userId, MARY, box.rows[0]!.threadId);
    expect(thread!.messages[0]!.body).toContain(`${a1.name} denied`);
  });

  it("a revoked user is told nothing more, and their past messages keep their name", async () => {
    const svc = testServices(t);
    const admin = await person("Alice", MARY, "admin");
    const bob = await person("Bob", MARY, "user");
    const sent = await composeMessage(svc, bob.userId, MARY, { to: [admin.userId], subject: "Claims question", body: "Which form?" });
    expect(sent.ok).toBe(true);
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: bob.membershipId }, CTX)).toEqual({ ok: true });
    const threadId = (sent as { threadId: string }).threadId;
    expect(await replyToThread(svc, bob.userId, MARY, { threadId, body: "Still there?" })).toEqual({ ok: false, reason: "forbidden" });
    svc.clock.advance(20 * MINUTE);
    expect(await replyToThread(svc, admin.userId, MARY, { threadId, body: "Form 12." })).toMatchObject({ ok: true });
    const thread = await readThread(t.db, admin.userId, MARY, threadId);
    expect(thread!.messages.map((m) => m.senderName)).toEqual([bob.name, admin.name]);
    expect(await notices(bob.email)).toHaveLength(0);
    // Admins were told of the revocation; Bob, no longer a member, was not.
    expect((await listBox(t.db, admin.userId, MARY, "inbox", 1)).rows.some((r) => r.subject === `${bob.name}'s access was revoked`)).toBe(true);
  });
});

describe("mail between members", () => {
  it("compose, reply and read state move the unread count; archive moves the thread", async () => {
    const svc = testServices(t);
    const admin = await person("Alice", MARY, "admin");
    const bob = await person("Bob", MARY, "user");
    const sent = await composeMessage(svc, admin.userId, MARY, { to: bob.userId, subject: "Welcome", body: "Line one\nLine two" });
    expect(sent.ok).toBe(true);
    const threadId = (sent as { threadId: string }).threadId;
    expect(await unreadThreadCount(t.db, bob.userId, MARY)).toBe(1);
    expect(await unreadThreadCount(t.db, admin.userId, MARY)).toBe(0);
    expect(await setThreadState(svc, bob.userId, MARY, threadId, "read")).toEqual({ ok: true });
    expect(await unreadThreadCount(t.db, bob.userId, MARY)).toBe(0);
    svc.clock.advance(MINUTE);
    expect(await replyToThread(svc, bob.userId, MARY, { threadId, body: "Thanks!" })).toMatchObject({ ok: true });
    expect(await unreadThreadCount(t.db, admin.userId, MARY)).toBe(1);
    const thread = await readThread(t.db, admin.userId, MARY, threadId);
    expect(thread!.messages.map((m) => [m.body, m.mine])).toEqual([
      ["Line one\nLine two", true],
      ["Thanks!", false],
    ]);
    expect(await setThreadState(svc, admin.userId, MARY, threadId, "archived")).toEqual({ ok: true });
    expect((await listBox(t.db, admin.userId, MARY, "inbox", 1)).rows).toEqual([]);
    expect((await listBox(t.db, admin.userId, MARY, "archived", 1)).rows.map((r) => r.threadId)).toEqual([threadId]);
    expect(await unreadThreadCount(t.db, admin.userId, MARY)).toBe(0);
  });

  it("refuses a body over 5,000 characters, an empty subject and control characters", async () => {
    const svc = testServices(t);
    const admin = await person("Alice", MARY, "admin");
    const bob = await person("Bob", MARY, "user");
    const r = await composeMessage(svc, admin.userId, MARY, { to: [bob.userId], subject: "", body: "x".repeat(5001) });
    expect(r).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { subject: "Enter a subject", body: "Message must be at most 5000 characters" } });
    expect(await composeMessage(svc, admin.userId, MARY, { to: [bob.userId], subject: "Hi\u0007", body: "ok" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await composeMessage(svc, admin.userId, MARY, { to: [bob.userId], subject: "Hi", body: "x".repeat(5000) })).toMatchObject({ ok: true });
  });

  it("a member of another provider cannot read, reply or address, and nobody can address them", async () => {
    const svc = testServices(t);
    const alice = await person("Alice", MARY, "admin");
    const bob = await person("Bob", MARY, "user");
    const noBox = await person("Nora", MARY, "user", ["claims_view"]);
    const otto = await person("Otto", JOHN, "admin");
    const sent = await composeMessage(svc, alice.userId, MARY, { to: [bob.userId], subject: "Secret", body: "PHI" });
    const threadId = (sent as { threadId: string }).threadId;

    expect(await readThread(t.db, otto.userId, JOHN, threadId)).toBeNull();
    expect(await readThread(t.db, otto.userId, MARY, threadId)).toBeNull();
    expect(await replyToThread(svc, otto.userId, JOHN, { threadId, body: "hi" })).toEqual({ ok: false, reason: "not_found" });
    expect(await replyToThread(svc, otto.userId, MARY, { threadId, body: "hi" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await setThreadState(svc, otto.userId, JOHN, threadId, "archived")).toEqual({ ok: false, reason: "not_found" });
    // Otto addressing Mary's people from his own provider, and Alice addressing Otto or someone without Message Box.
    expect(await composeMessage(svc, otto.userId, JOHN, { to: [bob.userId], subject: "Hi", body: "x" })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { to: expect.any(String) } });
    expect(await composeMessage(svc, alice.userId, MARY, { to: [bob.userId, otto.userId], subject: "Hi", body: "x" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await composeMessage(svc, alice.userId, MARY, { to: [noBox.userId], subject: "Hi", body: "x" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await composeMessage(svc, noBox.userId, MARY, { to: [alice.userId], subject: "Hi", body: "x" })).toEqual({ ok: false, reason: "forbidden" });
    expect((await addressableMembers(t.db, MARY, alice.userId)).map((a) => a.userId)).toEqual([bob.userId]);
    expect(await countOf(messageThreads)).toBe(1);
  });
});

describe("the external notice", () => {
  it("carries no content, goes at most once per 15 minutes per person, and can be turned off", async () => {
    const svc = testServices(t);
    const alice = await person("Alice", MARY, "admin");
    const bob = await person("Bob", MARY, "user");
    const carol = await person("Carol", MARY, "user");
    await setNoticeSetting(t.db, carol.userId, false);
    const send = (subject: string) => composeMessage(svc, alice.userId, MARY, { to: [bob.userId, carol.userId], subject, body: `Patient record ${subject}` });
    await send("first");
    svc.clock.advance(14 * MINUTE);
    await send("second");
    let mail = await notices(bob.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(NOTICE_SUBJECT);
    expect(mail[0]!.bodyText + mail[0]!.bodyHtml).not.toMatch(/Patient record|first|second/);
    svc.clock.advance(MINUTE);
    await send("third");
    mail = await notices(bob.email);
    expect(mail).toHaveLength(2);
    expect(await notices(carol.email)).toHaveLength(0);
    expect(await unreadThreadCount(t.db, carol.userId, MARY)).toBe(3);
  });
});

describe("paging", () => {
  it("a member with 10,000 threads gets 25 newest first and can page to the oldest", { timeout: 120_000 }, async () => {
    const alice = await person("Alice", MARY, "admin");
    const total = 10_000;
    await t.db.execute(sql`
      with th as (
        insert into message_threads (provider_id, subject, created_at)
        select ${MARY}::uuid, 'Subject ' || g, timestamptz '2026-01-01' + g * interval '1 minute' from generate_series(1, ${total}) g
        returning id, subject, created_at)
      insert into message_participants (thread_id, user_id, provider_id, last_message_at, last_sender_name, unread_count)
      select id, ${alice.userId}::uuid, ${MARY}::uuid, created_at, 'Bob', case when created_at > timestamptz '2026-01-01' + ${total - 7} * interval '1 minute' then 1 else 0 end from th`);
    const first = await listBox(t.db, alice.userId, MARY, "inbox", 1);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]!.subject).toBe(`Subject ${total}`);
    expect(first.rows[PAGE_SIZE - 1]!.subject).toBe(`Subject ${total - PAGE_SIZE + 1}`);
    expect(first.hasNext).toBe(true);
    const last = await listBox(t.db, alice.userId, MARY, "inbox", total / PAGE_SIZE);
    expect(last.rows.at(-1)!.subject).toBe("Subject 1");
    expect(last.hasNext).toBe(false);
    expect(await unreadThreadCount(t.db, alice.userId, MARY)).toBe(7);
    expect((await listBox(t.db, alice.userId, JOHN, "inbox", 1)).rows).toEqual([]);
    expect(await t.db.select().from(messageParticipants).where(eq(messageParticipants.archived, true))).toEqual([]);
  });
});
