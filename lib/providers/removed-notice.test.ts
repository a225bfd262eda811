import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { providerMemberships, providers, sessions, users } from "@/db/schema";
import { createSession } from "@/lib/auth/sessions";
import { HOUR } from "@/lib/clock";
import { restoreUser, revokeUser } from "@/lib/users/manage";
import { CTX, testServices } from "@/tests/services";
import { loadDemoProviders } from "@/tests/demo-providers";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { resolveActiveProvider, takeRemovedProviderNotice } from "./linked-accounts";

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
type Svc = ReturnType<typeof testServices>;
async function person(svc: Svc) {
  n++;
  const [u] = await t.db
    .insert(users)
    .values({ email: `p${n}@x.example`, passwordHash: "x", firstName: "Pat", lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: svc.clock.now() })
    .returning();
  return u!;
}
async function link(userId: string, providerId: string, role: "admin" | "user", at: Date) {
  const [m] = await t.db.insert(providerMemberships).values({ providerId, userId, role, permissions: [], source: "association", createdAt: at }).returning();
  return m!.id;
}
async function sessionOn(svc: Svc, userId: string, providerId: string | null) {
  const s = await createSession(t.db, userId, CTX, svc.clock);
  await t.db.update(sessions).set({ mfaVerifiedAt: svc.clock.now(), activeProviderId: providerId }).where(eq(sessions.id, s.id));
  return s.id;
}
const row = async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;

/** An administrator of Mary Ann Smith and a person linked to Mary (and, optionally, earlier to John), acting for Mary. */
async function world(svc: Svc, alsoJohn: boolean) {
  const admin = await person(svc);
  await link(admin.id, MARY, "admin", svc.clock.now());
  const who = await person(svc);
  if (alsoJohn) await link(who.id, JOHN, "user", new Date(svc.clock.now().getTime() - HOUR));
  const mid = await link(who.id, MARY, "user", svc.clock.now());
  const sid = await sessionOn(svc, who.id, MARY);
  return { admin, who, mid, sid };
}

describe("the revoked-access notice", () => {
  it("with another linked provider: the next page lands on it and says, once, when access to Mary was removed", async () => {
    const svc = testServices(t);
    const { admin, mid, sid } = await world(svc, true);
    svc.clock.advance(HOUR);
    const revokedAt = svc.clock.now();
    expect(await revokeUser(svc, admin.id, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    svc.clock.advance(HOUR);

    const stale = await row(sid);
    expect((await resolveActiveProvider(t.db, stale))?.provider.id).toBe(JOHN);
    expect(await row(sid)).toMatchObject({ activeProviderId: JOHN, removedProviderId: MARY });
    // The same request resolving again with the session it read first does not set it twice.
    expect((await resolveActiveProvider(t.db, stale))?.provider.id).toBe(JOHN);

    expect(await takeRemovedProviderNotice(t.db, sid)).toEqual({ providerName: "Mary Ann Smith", revokedAt });
    expect(await takeRemovedProviderNotice(t.db, sid)).toBeNull();
    // Later pages: John, no notice.
    expect((await resolveActiveProvider(t.db, await row(sid)))?.provider.id).toBe(JOHN);
    expect((await resolveActiveProvider(t.db, stale))?.provider.id).toBe(JOHN);
    expect(await takeRemovedProviderNotice(t.db, sid)).toBeNull();
  });

  it("with no other provider: no provider (the page sends them to /associate), and the notice waits for that page", async () => {
    const svc = testServices(t);
    const { admin, mid, sid } = await world(svc, false);
    const revokedAt = svc.clock.now();
    expect(await revokeUser(svc, admin.id, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    expect(await resolveActiveProvider(t.db, await row(sid))).toBeNull();
    expect(await row(sid)).toMatchObject({ activeProviderId: null, removedProviderId: MARY });
    // /associate resolves again (nothing to do) before its frame takes the notice.
    expect(await resolveActiveProvider(t.db, await row(sid))).toBeNull();
    expect(await takeRemovedProviderNotice(t.db, sid)).toEqual({ providerName: "Mary Ann Smith", revokedAt });
    expect(await takeRemovedProviderNotice(t.db, sid)).toBeNull();
  });

  it("each of the person's sessions gets the notice on its own next page", async () => {
    const svc = testServices(t);
    const { admin, who, mid, sid } = await world(svc, true);
    const other = await sessionOn(svc, who.id, MARY);
    await revokeUser(svc, admin.id, MARY, { membershipId: mid }, CTX);
    await resolveActiveProvider(t.db, await row(sid));
    expect(await takeRemovedProviderNotice(t.db, sid)).toMatchObject({ providerName: "Mary Ann Smith" });
    expect(await takeRemovedProviderNotice(t.db, other)).toBeNull();
    await resolveActiveProvider(t.db, await row(other));
    expect(await takeRemovedProviderNotice(t.db, other)).toMatchObject({ providerName: "Mary Ann Smith" });
  });

  it("no notice when access came back before the page was shown, when the person switched away, or for an unknown session", async () => {
    const svc = testServices(t);
    const { admin, mid, sid } = await world(svc, true);
    await revokeUser(svc, admin.id, MARY, { membershipId: mid }, CTX);
    await resolveActiveProvider(t.db, await row(sid));
    await restoreUser(svc, admin.id, MARY, { membershipId: mid }, CTX);
    expect(await takeRemovedProviderNotice(t.db, sid)).toBeNull();
    expect((await row(sid)).removedProviderId).toBeNull();

    // A session acting for John when Mary is revoked: nothing to say on its pages.
    const onJohn = await sessionOn(svc, (await t.db.select().from(sessions).where(eq(sessions.id, sid)))[0]!.userId, JOHN);
    await revokeUser(svc, admin.id, MARY, { membershipId: mid }, CTX);
    expect((await resolveActiveProvider(t.db, await row(onJohn)))?.provider.id).toBe(JOHN);
    expect(await takeRemovedProviderNotice(t.db, onJohn)).toBeNull();

    // A session whose provider was never linked (a crafted id) falls back silently.
    const stranger = await person(svc);
    await link(stranger.id, JOHN, "user", svc.clock.now());
    const crafted = await sessionOn(svc, stranger.id, MARY);
    expect((await resolveActiveProvider(t.db, await row(crafted)))?.provider.id).toBe(JOHN);
    expect(await takeRemovedProviderNotice(t.db, crafted)).toBeNull();
    expect(await takeRemovedProviderNotice(t.db, "not-a-session")).toBeNull();
    expect(await takeRemovedProviderNotice(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
