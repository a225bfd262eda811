import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, invitations, outbox, providerMemberships, providers, sessions, users } from "@/db/schema";
import { can, PERMISSION_IDS } from "@/lib/access/permissions";
import { createSession } from "@/lib/auth/sessions";
import { DAY, HOUR } from "@/lib/clock";
import { acceptInvitation, previewInvitation } from "@/lib/invitations/accept";
import { createInvitation } from "@/lib/invitations/create";
import { resolveActiveProvider } from "@/lib/providers/linked-accounts";
import { CTX, testServices, tokenFrom } from "@/tests/services";
import { loadDemoProviders } from "@/tests/demo-providers";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { listActivity } from "./activity";
import { cancelInvitation, inviteUsers, listInvitations, resendInvitation } from "./invite";
import { editRoleAndPermissions, listProviderUsers, makeAdmin, restoreUser, revokeUser } from "./manage";

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
/** An activated person with an MFA-verified session. */
async function person(svc = testServices(t), email?: string) {
  n++;
  const [u] = await t.db
    .insert(users)
    .values({ email: email ?? `p${n}@x.example`, passwordHash: "x", firstName: "Pat", lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: svc.clock.now() })
    .returning();
  const session = await createSession(t.db, u!.id, CTX, svc.clock);
  await t.db.update(sessions).set({ mfaVerifiedAt: svc.clock.now() }).where(eq(sessions.id, session.id));
  return { userId: u!.id, sessionId: session.id, email: u!.email };
}

async function member(who: { userId: string }, providerId: string, role: "admin" | "user", permissions: string[] = []) {
  const [m] = await t.db.insert(providerMemberships).values({ providerId, userId: who.userId, role, permissions, source: "association" }).returning();
  return m!.id;
}

async function membership(id: string) {
  return (await t.db.select().from(providerMemberships).where(eq(providerMemberships.id, id)))[0]!;
}

const ROW = { email: "New.Person@Example.com", firstName: "New", lastName: "Person", zip: "43215", role: "user", permissions: ["claims_view", "remittance"] };
const AGREE = { accept: true, agreementVersion: 1 };

async function lastToken(to: string) {
  const rows = await t.db.select().from(outbox).where(eq(outbox.recipient, to));
  return tokenFrom(rows.at(-1)!.bodyText);
}

describe("Users tab: list, edit, make admin, revoke, restore", () => {
  it("lists the provider's users for its administrator only", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const user = await person(svc);
    const outsider = await person(svc);
    await member(admin, MARY, "admin");
    await member(user, MARY, "user", ["claims_view", "bogus"]);
    await member(outsider, JOHN, "admin");
    const r = await listProviderUsers(svc, admin.userId, MARY);
    expect(r.ok && r.users.map((u) => [u.email, u.role, u.permissions, u.status])).toEqual(
      expect.arrayContaining([
        [admin.email, "admin", expect.arrayContaining(["message_box", "claims_submit"]), "active"],
        [user.email, "user", ["claims_view"], "active"],
      ]),
    );
    expect(r.ok && r.users).toHaveLength(2);
    expect(await listProviderUsers(svc, user.userId, MARY)).toEqual({ ok: false, reason: "forbidden" });
    expect(await listProviderUsers(svc, outsider.userId, MARY)).toEqual({ ok: false, reason: "forbidden" });
    expect(await listProviderUsers(svc, admin.userId, "not-a-uuid")).toEqual({ ok: false, reason: "forbidden" });
  });

  it("edits role and permissions, audited with actor and subject", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const user = await person(svc);
    await member(admin, MARY, "admin");
    const mid = await member(user, MARY, "user", ["claims_view"]);
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: mid, role: "user", permissions: ["remittance", "authorizations", "remittance"] }, CTX)).toEqual({ ok: true });
    expect(await membership(mid)).toMatchObject({ role: "user", permissions: ["remittance", "authorizations"] });
    const [ev] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "users.role_changed"));
    expect(ev).toMatchObject({ actorUserId: admin.userId, subjectUserId: user.userId, providerId: MARY });
    const act = await listActivity(svc, admin.userId, MARY);
    expect(act.ok && act.events[0]).toMatchObject({ action: "users.role_changed", actor: expect.stringContaining(admin.email), subject: expect.stringContaining(user.email) });
    expect(act.ok && act.events[0]!.summary).toContain("Remittance, Authorizations");
  });

  it("rejects bad input: unknown permission, unknown role, malformed or foreign membership ids", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const other = await person(svc);
    await member(admin, MARY, "admin");
    const foreign = await member(other, JOHN, "user");
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: foreign, role: "user", permissions: ["root"] }, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: foreign, role: "owner", permissions: [] }, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, {}, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: "x".repeat(5000) }, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    // Another provider's membership id is not found from this provider.
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: foreign }, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: foreign, role: "admin", permissions: [] }, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect((await membership(foreign)).status).toBe("active");
  });

  it("refuses a non-admin and another provider's administrator on every action", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const user = await person(svc);
    const johnAdmin = await person(svc);
    await member(admin, MARY, "admin");
    const mid = await member(user, MARY, "user", ["claims_view"]);
    await member(johnAdmin, JOHN, "admin");
    for (const actor of [user, johnAdmin]) {
      for (const providerId of [MARY, JOHN]) {
        if (actor === johnAdmin && providerId === JOHN) continue;
        expect(await editRoleAndPermissions(svc, actor.userId, providerId, { membershipId: mid, role: "admin", permissions: [] }, CTX)).toMatchObject({ ok: false });
        expect(await makeAdmin(svc, actor.userId, providerId, { membershipId: mid }, CTX)).toMatchObject({ ok: false });
        expect(await revokeUser(svc, actor.userId, providerId, { membershipId: mid }, CTX)).toMatchObject({ ok: false });
        expect(await restoreUser(svc, actor.userId, providerId, { membershipId: mid }, CTX)).toMatchObject({ ok: false });
        expect(await inviteUsers(svc, actor.userId, providerId, { rows: [ROW] }, CTX)).toMatchObject({ ok: false });
        expect(await listInvitations(svc, actor.userId, providerId)).toMatchObject({ ok: false });
        expect(await listActivity(svc, actor.userId, providerId)).toMatchObject({ ok: false });
      }
      // John's admin acting through his own provider still cannot reach Mary's membership.
    }
    expect(await revokeUser(svc, johnAdmin.userId, JOHN, { membershipId: mid }, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await makeAdmin(svc, user.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: false, reason: "forbidden" });
    expect(await membership(mid)).toMatchObject({ role: "user", status: "active", permissions: ["claims_view"] });
    expect(await t.db.select().from(invitations)).toHaveLength(0);
    const [inv] = await t.db.insert(invitations).values({ providerId: MARY, email: "a@b.example", firstName: "A", lastName: "B", role: "user", tokenHash: "h", expiresAt: new Date("2027-01-01T00:00:00Z") }).returning();
    expect(await cancelInvitation(svc, user.userId, MARY, { invitationId: inv!.id }, CTX)).toEqual({ ok: false, reason: "forbidden" });
    expect(await resendInvitation(svc, johnAdmin.userId, MARY, { invitationId: inv!.id }, CTX)).toEqual({ ok: false, reason: "forbidden" });
    expect(await cancelInvitation(svc, johnAdmin.userId, JOHN, { invitationId: inv!.id }, CTX)).toEqual({ ok: false, reason: "not_found" });
  });

  it("make admin, then the last-admin guardrail: no revoke or demotion of the last one, by others or themselves", async () => {
    const svc = testServices(t);
    const a = await person(svc);
    const b = await person(svc);
    const ma = await member(a, MARY, "admin");
    const mb = await member(b, MARY, "user", ["claims_view"]);
    // Self-demotion and self-revocation of the only admin are refused.
    expect(await editRoleAndPermissions(svc, a.userId, MARY, { membershipId: ma, role: "user", permissions: [] }, CTX)).toEqual({ ok: false, reason: "last_admin" });
    expect(await revokeUser(svc, a.userId, MARY, { membershipId: ma }, CTX)).toEqual({ ok: false, reason: "last_admin" });
    expect(await makeAdmin(svc, a.userId, MARY, { membershipId: mb }, CTX)).toEqual({ ok: true });
    expect(await membership(mb)).toMatchObject({ role: "admin", permissions: ["claims_view"] });
    expect(await makeAdmin(svc, a.userId, MARY, { membershipId: mb }, CTX)).toEqual({ ok: false, reason: "no_change" });
    // Now b may demote a; then a is no longer admin and b is the last one.
    expect(await editRoleAndPermissions(svc, b.userId, MARY, { membershipId: ma, role: "user", permissions: ["message_box"] }, CTX)).toEqual({ ok: true });
    expect(await revokeUser(svc, b.userId, MARY, { membershipId: mb }, CTX)).toEqual({ ok: false, reason: "last_admin" });
    expect(await revokeUser(svc, a.userId, MARY, { membershipId: mb }, CTX)).toEqual({ ok: false, reason: "forbidden" });
    expect(await membership(mb)).toMatchObject({ role: "admin", status: "active" });
  });

  it("demoting an administrator gives back the permissions they had before, or none; never every permission", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const user = await person(svc);
    const founder = await person(svc);
    await member(admin, MARY, "admin");
    const mu = await member(user, MARY, "user", ["claims_view", "remittance"]);
    const mf = await member(founder, MARY, "admin"); // Associate Provider: an administrator from the start, nothing stored
    expect(await makeAdmin(svc, admin.userId, MARY, { membershipId: mu }, CTX)).toEqual({ ok: true });
    // As an administrator: every permission by role, what they had as a User kept aside.
    expect(await can(t.db, user.userId, MARY, "enrollment_pay_fee")).toBe(true);
    let list = await listProviderUsers(svc, admin.userId, MARY);
    let row = list.ok ? list.users.find((u) => u.membershipId === mu) : undefined;
    expect(row).toMatchObject({ role: "admin", permissions: PERMISSION_IDS, userPermissions: ["claims_view", "remittance"] });
    // Saving as Administrator with boxes ticked changes nothing that is stored.
    svc.clock.advance(1000);
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: mu, role: "admin", permissions: ["enrollment_sign", "enrollment_pay_fee"] }, CTX)).toEqual({ ok: true });
    expect(await membership(mu)).toMatchObject({ role: "admin", permissions: ["claims_view", "remittance"] });
    // Demoted with what the dialog offers (their old permissions): exactly those.
    svc.clock.advance(1000);
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: mu, role: "user", permissions: row!.userPermissions }, CTX)).toEqual({ ok: true });
    expect(await membership(mu)).toMatchObject({ role: "user", permissions: ["claims_view", "remittance"] });
    expect(await can(t.db, user.userId, MARY, "enrollment_pay_fee")).toBe(false);
    expect(await can(t.db, user.userId, MARY, "remittance")).toBe(true);
    // The founder never was a User: the dialog offers nothing, and nothing is granted.
    list = await listProviderUsers(svc, admin.userId, MARY);
    row = list.ok ? list.users.find((u) => u.membershipId === mf) : undefined;
    expect(row).toMatchObject({ role: "admin", userPermissions: [] });
    svc.clock.advance(1000);
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: mf, role: "user", permissions: row!.userPermissions }, CTX)).toEqual({ ok: true });
    expect(await membership(mf)).toMatchObject({ role: "user", permissions: [] });
    for (const p of PERMISSION_IDS) expect(await can(t.db, founder.userId, MARY, p)).toBe(false);
    // The activity says what the demotion granted.
    const act = await listActivity(svc, admin.userId, MARY);
    expect(act.ok && act.events.filter((e) => e.action === "users.role_changed").map((e) => e.summary)).toEqual([
      "changed role from Administrator to User with no permissions",
      "changed role from Administrator to User with Claims view, Remittance",
      "changed role from Administrator to Administrator",
    ]);
  });

  it("records when access was revoked, keeps it while revoked, clears it on restore", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const user = await person(svc);
    await member(admin, MARY, "admin");
    const mid = await member(user, MARY, "user", ["claims_view"]);
    expect((await membership(mid)).revokedAt).toBeNull();
    const revokedAt = svc.clock.now();
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    expect((await membership(mid)).revokedAt).toEqual(revokedAt);
    svc.clock.advance(HOUR);
    expect(await editRoleAndPermissions(svc, admin.userId, MARY, { membershipId: mid, role: "user", permissions: ["remittance"] }, CTX)).toEqual({ ok: true });
    expect(await membership(mid)).toMatchObject({ status: "revoked", revokedAt, permissions: ["remittance"] });
    expect(await restoreUser(svc, admin.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    expect(await membership(mid)).toMatchObject({ status: "active", revokedAt: null });
  });

  it("two administrators demoting each other at the same moment leave one administrator", async () => {
    const svc = testServices(t);
    const a = await person(svc);
    const b = await person(svc);
    const ma = await member(a, MARY, "admin");
    const mb = await member(b, MARY, "admin");
    const rs = await Promise.all([
      revokeUser(svc, a.userId, MARY, { membershipId: mb }, CTX),
      revokeUser(svc, b.userId, MARY, { membershipId: ma }, CTX),
    ]);
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    const active = await t.db.select().from(providerMemberships).where(and(eq(providerMemberships.providerId, MARY), eq(providerMemberships.status, "active")));
    expect(active).toHaveLength(1);
  });

  it("revoke takes effect on the revoked person's next request; restore gives back the same role", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const user = await person(svc);
    await member(admin, MARY, "admin");
    const mid = await member(user, MARY, "user", ["claims_view"]);
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, user.sessionId));
    await t.db.update(sessions).set({ activeProviderId: MARY }).where(eq(sessions.id, user.sessionId));
    expect((await resolveActiveProvider(t.db, { ...s!, activeProviderId: MARY }))?.provider.id).toBe(MARY);
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    expect(await resolveActiveProvider(t.db, { ...s!, activeProviderId: MARY })).toBeNull();
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: false, reason: "no_change" });
    svc.clock.advance(1000);
    expect(await restoreUser(svc, admin.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    expect(await membership(mid)).toMatchObject({ role: "user", permissions: ["claims_view"], status: "active" });
    const act = await listActivity(svc, admin.userId, MARY);
    expect(act.ok && act.events.map((e) => e.action).slice(0, 2)).toEqual(["users.restored", "users.revoked"]);
  });
});

describe("Invite New User", () => {
  it("sends each queued row on its own: success, wrong ZIP, already a member, duplicate pending, invalid", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    const existing = await person(svc);
    await member(admin, MARY, "admin");
    await member(existing, MARY, "user");
    const r = await inviteUsers(
      svc,
      admin.userId,
      MARY,
      {
        rows: [
          ROW,
          { ...ROW, email: "second@example.com", zip: "43215-1234", role: "admin", permissions: ["claims_view"] },
          { ...ROW, email: "wrongzip@example.com", zip: "45202" },
          { ...ROW, email: existing.email },
          { ...ROW, email: "new.person@example.com" },
          { ...ROW, email: "not-an-email", firstName: "" },
          { ...ROW, email: "long@example.com", lastName: "x".repeat(101) },
        ],
      },
      CTX,
    );
    expect(r.ok && r.results.map((x) => (x.ok ? "ok" : x.reason))).toEqual(["ok", "ok", "wrong_zip", "already_member", "duplicate_pending", "invalid", "invalid"]);
    const rows = await t.db.select().from(invitations);
    expect(rows.map((i) => [i.email, i.role, i.permissions]).sort()).toEqual([
      ["new.person@example.com", "user", ["claims_view", "remittance"]],
      ["second@example.com", "admin", []],
    ]);
    expect(rows.every((i) => i.tokenHash.length > 20 && i.invitedByUserId === admin.userId)).toBe(true);
    const mails = await t.db.select().from(outbox).where(eq(outbox.template, "invitation"));
    expect(mails).toHaveLength(2);
    expect(await inviteUsers(svc, admin.userId, MARY, { rows: [] }, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await inviteUsers(svc, admin.userId, MARY, { rows: Array(21).fill(ROW) }, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await inviteUsers(svc, admin.userId, MARY, "nope", CTX)).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("Invitation acceptance", () => {
  async function invited(svc: ReturnType<typeof testServices>) {
    const admin = await person(svc);
    await member(admin, MARY, "admin");
    const r = await inviteUsers(svc, admin.userId, MARY, { rows: [ROW] }, CTX);
    expect(r.ok).toBe(true);
    return { admin, token: await lastToken("new.person@example.com") };
  }

  it("the invited account accepts once: membership with the invited permissions, agreement recorded, provider active", async () => {
    const svc = testServices(t);
    const { admin, token } = await invited(svc);
    const preview = await previewInvitation(svc, token);
    expect(preview).toMatchObject({ status: "pending", email: "new.person@example.com", providerName: "Mary Ann Smith", invitedBy: expect.stringContaining("Pat") });
    const me = await person(svc, "new.person@example.com");
    const r = await acceptInvitation(svc, me, token, AGREE, CTX);
    expect(r).toMatchObject({ ok: true, providerId: MARY, role: "user" });
    const [m] = await t.db.select().from(providerMemberships).where(eq(providerMemberships.userId, me.userId));
    expect(m).toMatchObject({ providerId: MARY, role: "user", permissions: ["claims_view", "remittance"], status: "active", source: "invitation" });
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
    expect(s!.activeProviderId).toBe(MARY);
    const [inv] = await t.db.select().from(invitations);
    expect(inv).toMatchObject({ status: "accepted", acceptedByUserId: me.userId });
    // Replay: refused, nothing changes.
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toEqual({ ok: false, reason: "used" });
    const other = await person(svc);
    expect(await acceptInvitation(svc, other, token, AGREE, CTX)).toEqual({ ok: false, reason: "used" });
    const list = await listInvitations(svc, admin.userId, MARY);
    expect(list.ok && list.invitations[0]!.state).toBe("accepted");
  });

  it("refuses the wrong email, an unverified session, forged tokens and an unaccepted agreement, changing nothing", async () => {
    const svc = testServices(t);
    const { token } = await invited(svc);
    const wrong = await person(svc, "someone.else@example.com");
    expect(await acceptInvitation(svc, wrong, token, AGREE, CTX)).toEqual({ ok: false, reason: "wrong_email", invitedEmail: "new.person@example.com" });
    const me = await person(svc, "new.person@example.com");
    await t.db.update(sessions).set({ mfaVerifiedAt: null }).where(eq(sessions.id, me.sessionId));
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toEqual({ ok: false, reason: "not_verified" });
    await t.db.update(sessions).set({ mfaVerifiedAt: svc.clock.now() }).where(eq(sessions.id, me.sessionId));
    expect(await acceptInvitation(svc, { ...me, sessionId: wrong.sessionId }, token, AGREE, CTX)).toEqual({ ok: false, reason: "not_verified" });
    expect(await acceptInvitation(svc, me, token.slice(0, -2) + "AA", AGREE, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await acceptInvitation(svc, me, "", AGREE, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await acceptInvitation(svc, me, "a".repeat(500), AGREE, CTX)).toEqual({ ok: false, reason: "not_found" });
    expect(await acceptInvitation(svc, me, token, { accept: false, agreementVersion: 1 }, CTX)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await acceptInvitation(svc, me, token, { accept: true, agreementVersion: 2 }, CTX)).toEqual({ ok: false, reason: "agreement_changed" });
    expect(await previewInvitation(svc, "forged-token-forged-token")).toEqual({ status: "invalid" });
    expect(await t.db.select().from(providerMemberships).where(eq(providerMemberships.providerId, MARY))).toHaveLength(1);
    expect((await t.db.select().from(invitations))[0]!.status).toBe("pending");
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toMatchObject({ ok: true });
  });

  it("expires after 7 days: 1 hour before works, at 7 days it is refused and listed as expired", async () => {
    const svc = testServices(t);
    const { admin, token } = await invited(svc);
    svc.clock.advance(7 * DAY);
    const me = await person(svc, "new.person@example.com");
    expect(await previewInvitation(svc, token)).toMatchObject({ status: "expired" });
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toEqual({ ok: false, reason: "expired" });
    const list = await listInvitations(svc, admin.userId, MARY);
    expect(list.ok && list.invitations[0]!.state).toBe("expired");
    // Resend gives a new 7 days and a new link; the old one stays dead.
    svc.clock.advance(HOUR);
    const inv = (await t.db.select().from(invitations))[0]!;
    expect(await resendInvitation(svc, admin.userId, MARY, { invitationId: inv.id }, CTX)).toEqual({ ok: true });
    const fresh = await lastToken("new.person@example.com");
    expect(fresh).not.toBe(token);
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toEqual({ ok: false, reason: "not_found" });
    svc.clock.advance(7 * DAY - 2 * HOUR);
    const session = await createSession(t.db, me.userId, CTX, svc.clock);
    await t.db.update(sessions).set({ mfaVerifiedAt: svc.clock.now() }).where(eq(sessions.id, session.id));
    expect(await acceptInvitation(svc, { userId: me.userId, sessionId: session.id }, fresh, AGREE, CTX)).toMatchObject({ ok: true });
  });

  it("resend retires the old link; cancel then accept is refused; neither works twice", async () => {
    const svc = testServices(t);
    const { admin, token } = await invited(svc);
    const me = await person(svc, "new.person@example.com");
    const inv = (await t.db.select().from(invitations))[0]!;
    expect(await resendInvitation(svc, admin.userId, MARY, { invitationId: inv.id }, CTX)).toEqual({ ok: true });
    const fresh = await lastToken("new.person@example.com");
    expect(await previewInvitation(svc, token)).toEqual({ status: "invalid" });
    expect(await cancelInvitation(svc, admin.userId, MARY, { invitationId: inv.id }, CTX)).toEqual({ ok: true });
    expect(await cancelInvitation(svc, admin.userId, MARY, { invitationId: inv.id }, CTX)).toEqual({ ok: false, reason: "not_pending" });
    expect(await resendInvitation(svc, admin.userId, MARY, { invitationId: inv.id }, CTX)).toEqual({ ok: false, reason: "not_pending" });
    expect(await acceptInvitation(svc, me, fresh, AGREE, CTX)).toEqual({ ok: false, reason: "cancelled" });
    expect(await cancelInvitation(svc, admin.userId, MARY, { invitationId: "nope" }, CTX)).toEqual({ ok: false, reason: "invalid" });
    expect(await t.db.select().from(providerMemberships).where(eq(providerMemberships.userId, me.userId))).toHaveLength(0);
    const act = await listActivity(svc, admin.userId, MARY);
    expect(act.ok && act.events.map((e) => e.action)).toEqual(expect.arrayContaining(["invitation.sent", "invitation.resent", "invitation.cancelled", "invitation.accept.refused"]));
  });

  it("an invitation from an approved access request works the same way and records its source", async () => {
    const svc = testServices(t);
    const admin = await person(svc);
    await member(admin, MARY, "admin");
    const { token } = await t.db.transaction((tx) =>
      createInvitation(svc, tx, { providerId: MARY, providerName: "Mary Ann Smith", email: "req@example.com", firstName: "R", lastName: "Q", role: "admin", permissions: [], invitedByUserId: admin.userId }),
    );
    const me = await person(svc, "req@example.com");
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toMatchObject({ ok: true, role: "admin" });
  });

  it("a revoked member accepting a new invitation is reactivated with the invited role; an active member is refused", async () => {
    const svc = testServices(t);
    const { admin, token } = await invited(svc);
    const me = await person(svc, "new.person@example.com");
    const mid = await member(me, MARY, "user", ["message_box"]);
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toEqual({ ok: false, reason: "already_member" });
    expect(await revokeUser(svc, admin.userId, MARY, { membershipId: mid }, CTX)).toEqual({ ok: true });
    expect(await acceptInvitation(svc, me, token, AGREE, CTX)).toMatchObject({ ok: true });
    expect(await membership(mid)).toMatchObject({ status: "active", permissions: ["claims_view", "remittance"], source: "invitation" });
  });
});
