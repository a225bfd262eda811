import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { HOUR, MINUTE } from "@/lib/clock";
import { signedInUser } from "@/tests/accounts";
import { testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { SESSION_IDLE_MS } from "./policy";
import { idleDeadline, revokeSession, touchSession, validateSession } from "./sessions";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

const lastSeen = async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.lastSeenAt;

describe("touchSession (Stay signed in)", () => {
  it("resets the idle clock at once, even within the minute validateSession skips, and answers the new deadline", async () => {
    const svc = testServices(t);
    const { session } = await signedInUser(svc, "stay@clinic.example");
    expect(idleDeadline(session).getTime()).toBe(session.lastSeenAt.getTime() + SESSION_IDLE_MS);

    // 30 seconds on, validateSession leaves last_seen_at alone (it writes at most once a minute) ...
    svc.clock.advance(30_000);
    await validateSession(t.db, session.id, svc.clock);
    expect(await lastSeen(session.id)).toEqual(session.lastSeenAt);
    // ... touchSession writes it anyway.
    const r = await touchSession(svc, session.id);
    expect(r).toEqual({ ok: true, idleDeadline: new Date(svc.clock.now().getTime() + SESSION_IDLE_MS) });
    expect(await lastSeen(session.id)).toEqual(svc.clock.now());

    // The session now lives 30 minutes from the touch, not from sign-in.
    svc.clock.advance(29 * MINUTE + 50_000);
    expect(await validateSession(t.db, session.id, svc.clock)).not.toBeNull();
  });

  it("keeps a person signed in past 30 minutes when they answer each warning", async () => {
    const svc = testServices(t);
    const { session } = await signedInUser(svc, "answers@clinic.example");
    for (let i = 0; i < 3; i++) {
      svc.clock.advance(28 * MINUTE);
      expect((await touchSession(svc, session.id)).ok).toBe(true);
    }
    svc.clock.advance(29 * MINUTE);
    expect(await validateSession(t.db, session.id, svc.clock)).not.toBeNull();
  });

  it("refuses a session that is already idle, revoked or past 12 hours, without reviving it", async () => {
    const svc = testServices(t);
    const idle = (await signedInUser(svc, "idle@clinic.example")).session;
    svc.clock.advance(SESSION_IDLE_MS);
    expect(await touchSession(svc, idle.id)).toEqual({ ok: false, reason: "idle" });
    expect(await lastSeen(idle.id)).toEqual(idle.lastSeenAt);
    expect(await validateSession(t.db, idle.id, svc.clock)).toBeNull();

    const revoked = (await signedInUser(svc, "revoked@clinic.example")).session;
    await revokeSession(t.db, revoked.id, svc.clock);
    expect(await touchSession(svc, revoked.id)).toEqual({ ok: false, reason: "revoked" });

    const old = (await signedInUser(svc, "old@clinic.example")).session;
    const cutoff = old.createdAt.getTime() + 12 * HOUR;
    // Answered every 29 minutes, right up to the 12-hour limit ...
    while (svc.clock.now().getTime() + 29 * MINUTE < cutoff) {
      svc.clock.advance(29 * MINUTE);
      expect((await touchSession(svc, old.id)).ok).toBe(true);
    }
    // ... and refused at it.
    svc.clock.set(new Date(cutoff));
    expect(await touchSession(svc, old.id)).toEqual({ ok: false, reason: "expired" });

    expect(await touchSession(svc, "00000000-0000-0000-0000-000000000000")).toEqual({ ok: false, reason: "not_found" });
    expect(await touchSession(svc, "not-a-session")).toEqual({ ok: false, reason: "not_found" });
  });
});
