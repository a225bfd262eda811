import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, invitations, outbox, providerMemberships, providers, users } from "@/db/schema";
import { CTX, testServices } from "@/tests/services";
import { loadDemoProviders } from "@/tests/demo-providers";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { checkInviteRow, inviteUsers } from "./invite";

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
async function member(providerId: string, role: "admin" | "user", email = `m${++n}@x.example`) {
  const [u] = await t.db
    .insert(users)
    .values({ email, passwordHash: "x", firstName: "Pat", lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: new Date() })
    .returning();
  await t.db.insert(providerMemberships).values({ providerId, userId: u!.id, role, permissions: [], source: "association" });
  return u!;
}

const ROW = { email: "New.Person@Example.com", firstName: "New", lastName: "Person", zip: "43215", role: "user", permissions: ["claims_view"] };

describe("Add to List: checkInviteRow", () => {
  it("accepts a row Send Invitation would accept (remittance ZIP, practice ZIP+4), normalized, writing nothing", async () => {
    const svc = testServices(t);
    const admin = await member(MARY, "admin");
    expect(await checkInviteRow(svc, admin.id, MARY, ROW)).toEqual({ ok: true, row: { ...ROW, email: "new.person@example.com", role: "user", permissions: ["claims_view"] } });
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, zip: "43017-2244" })).toMatchObject({ ok: true });
    expect(await t.db.select().from(invitations)).toHaveLength(0);
    expect(await t.db.select().from(outbox)).toHaveLength(0);
    expect(await t.db.select().from(auditEvents)).toHaveLength(0);
  });

  it("puts each problem on its field: a ZIP not this provider's, an active user, a pending invitation", async () => {
    const svc = testServices(t);
    const admin = await member(MARY, "admin");
    const existing = await member(MARY, "user");
    const wrongZip = { ok: false, reason: "invalid", fieldErrors: { zip: "The ZIP Code is not one of this provider's ZIP codes." } };
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, zip: "99999" })).toEqual(wrongZip);
    // Another provider's ZIP (John Doe's) gets exactly the same answer as a ZIP nobody has: nothing about John leaks.
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, zip: "45202" })).toEqual(wrongZip);
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, email: existing.email.toUpperCase() })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { email: "This person is already a user of this provider." },
    });
    expect(await inviteUsers(svc, admin.id, MARY, { rows: [ROW] }, CTX)).toMatchObject({ ok: true, results: [{ ok: true }] });
    expect(await checkInviteRow(svc, admin.id, MARY, ROW)).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { email: "This person already has a pending invitation to this provider." },
    });
  });

  it("someone who is a user of another provider, or invited there, is no problem here", async () => {
    const svc = testServices(t);
    const admin = await member(MARY, "admin");
    const johnAdmin = await member(JOHN, "admin");
    const johnsUser = await member(JOHN, "user");
    expect(await inviteUsers(svc, johnAdmin.id, JOHN, { rows: [{ ...ROW, zip: "45202" }] }, CTX)).toMatchObject({ ok: true, results: [{ ok: true }] });
    expect(await checkInviteRow(svc, admin.id, MARY, ROW)).toMatchObject({ ok: true });
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, email: johnsUser.email })).toMatchObject({ ok: true });
  });

  it("bad input is refused on the fields", async () => {
    const svc = testServices(t);
    const admin = await member(MARY, "admin");
    const r = await checkInviteRow(svc, admin.id, MARY, { ...ROW, email: "not-an-email", firstName: "", zip: "4321", permissions: ["root"] });
    expect(r).toMatchObject({ ok: false, reason: "invalid" });
    expect(r.ok === false && r.reason === "invalid" && Object.keys(r.fieldErrors).sort()).toEqual(["email", "firstName", "permissions", "zip"].sort());
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, lastName: "x".repeat(101) })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { lastName: expect.any(String) } });
    expect(await checkInviteRow(svc, admin.id, MARY, { ...ROW, firstName: "Bad\u0007Name" })).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { firstName: expect.any(String) } });
    expect(await checkInviteRow(svc, admin.id, MARY, "nope")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("answers only an active administrator of the provider: a user, another provider's administrator, a malformed id are refused", async () => {
    const svc = testServices(t);
    const user = await member(MARY, "user");
    const johnAdmin = await member(JOHN, "admin");
    expect(await checkInviteRow(svc, user.id, MARY, ROW)).toEqual({ ok: false, reason: "forbidden" });
    expect(await checkInviteRow(svc, johnAdmin.id, MARY, ROW)).toEqual({ ok: false, reason: "forbidden" });
    expect(await checkInviteRow(svc, johnAdmin.id, "not-a-uuid", ROW)).toEqual({ ok: false, reason: "forbidden" });
  });
});
