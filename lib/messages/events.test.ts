import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invitations, messageThreads, providerAgreements, providerMemberships, providers, users } from "@/db/schema";
import { createSession } from "@/lib/auth/sessions";
import { DAY } from "@/lib/clock";
import { createInvitation } from "@/lib/invitations/create";
import { acceptAgreement, associateProvider } from "@/lib/providers/association";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";
import { notifyExpiredInvitations } from "@/lib/requests/cleanup";
import { editRoleAndPermissions, makeAdmin, restoreUser, revokeUser } from "@/lib/users/manage";
import { CTX, testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { listBox } from "./box";

/** Each event of the list leaves its notification in the right boxes, from the lib call that makes the change. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());

let MARY: string;
beforeEach(async () => {
  await t.reset();
  await t.db.insert(providerAgreements).values({ version: 1, title: "Provider Agreement", body: "Agreement text for tests." }).onConflictDoNothing();
  await importRegistry(t.db, (async function* () {
    yield demoRegistryCsv();
  })());
  MARY = (await t.db.select().from(providers).where(eq(providers.providerNumber, "100200300")))[0]!.id;
});

let n = 0;
async function person(first: string) {
  n++;
  const [u] = await t.db
    .insert(users)
    .values({ email: `${first.toLowerCase()}${n}@x.example`, passwordHash: "x", firstName: first, lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: new Date() })
    .returning();
  return { userId: u!.id, name: `${first} Person${n}` };
}
async function member(who: { userId: string }, role: "admin" | "user", permissions: string[] = ["message_box"]) {
  const [m] = await t.db.insert(providerMemberships).values({ providerId: MARY, userId: who.userId, role, permissions, source: "association" }).returning();
  return m!.id;
}
const subjects = async (userId: string) => (await listBox(t.db, userId, MARY, "inbox", 1)).rows.map((r) => r.subject).sort();

describe("notifications of each event", () => {
  it("associating a provider: the new administrator is told of the agreement and the link", async () => {
    const svc = testServices(t);
    const me = await person("Mary");
    const session = await createSession(t.db, me.userId, CTX, svc.clock);
    expect((await associateProvider(svc, me.userId, { providerType: "practitioner", firstName: "Mary Ann", lastName: "Smith", taxId: "31-1234567", providerNumber: "100200300", zip: "43215" }, CTX)).ok).toBe(true);
    expect((await acceptAgreement(svc, { userId: me.userId, sessionId: session.id }, { accept: true, agreementVersion: 1 }, CTX)).ok).toBe(true);
    expect(await subjects(me.userId)).toEqual([`${me.name} accepted the Provider Agreement`, `${me.name} linked their account`]);
  });

  it("Users-tab changes reach the administrators and the person concerned", async () => {
    const svc = testServices(t);
    const admin = await person("Alice");
    await member(admin, "admin");
    const bob = await person("Bob");
    const bobM = await member(bob, "user");
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: bobM, role: "user", permissions: ["message_box", "claims_view"] }, CTX)).toEqual({ ok: true });
    expect(await makeAdmin(svc, admin.userId, MARY, { membershipId: bobM }, CTX)).toEqual({ ok: true });
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: bobM }, CTX)).toEqual({ ok: true });
    expect(await restoreUser(svc, admin.userId, MARY, { membershipId: bobM }, CTX)).toEqual({ ok: true });
    const all = [
      `${bob.name} is now an Administrator`,
      `${bob.name}'s access was restored`,
      `${bob.name}'s access was revoked`,
      `${bob.name}'s role or permissions changed`,
    ];
    expect(await subjects(admin.userId)).toEqual(all);
    // While revoked Bob was no member: he was not told of his revocation.
    expect(await subjects(bob.userId)).toEqual(all.filter((s) => !s.endsWith("revoked")));
    const [changed] = await t.db.select().from(messageThreads).where(eq(messageThreads.kind, "users.role_changed"));
    expect(changed!.isNotification).toBe(true);
  });

  it("an invitation that expires unaccepted is told once, by the cron run", async () => {
    const svc = testServices(t);
    const admin = await person("Alice");
    await member(admin, "admin");
    await createInvitation(svc, t.db, { providerId: MARY, providerName: "Mary Ann Smith", email: "ivy@x.example", firstName: "Ivy", lastName: "Invitee", role: "user", permissions: [], invitedByUserId: admin.userId, accessRequestId: null });
    expect(await notifyExpiredInvitations(svc)).toBe(0);
    svc.clock.advance(8 * DAY);
    expect(await notifyExpiredInvitations(svc)).toBe(1);
    expect(await notifyExpiredInvitations(svc)).toBe(0);
    expect(await subjects(admin.userId)).toEqual(["Invitation to Ivy Invitee expired"]);
    const [inv] = await t.db.select().from(invitations);
    expect(inv!.status).toBe("pending");
  });
});
