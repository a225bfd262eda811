import { and, eq, isNull, sql } from "drizzle-orm";
import { sessions, type SessionRow, type User } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import type { Services } from "@/lib/services";
import { sendFactorCode, type SendResult } from "./code-delivery";
import { factorOf, verifyFactorCode } from "./factors";
import { CHALLENGE_MAX_FAILURES } from "./policy";
import { useRecoveryCode } from "./recovery";
import { trustDevice } from "./trusted-devices";

/** Sends a sign-in code to one of the person's confirmed email or SMS factors. */
export async function sendChallengeCode(svc: Services, user: User, factorId: unknown): Promise<SendResult | { ok: false; notFound: true }> {
  const factor = await factorOf(svc.db, user.id, factorId);
  if (!factor || !factor.confirmedAt || factor.type === "totp") return { ok: false, notFound: true };
  return svc.db.transaction((tx) => sendFactorCode(svc, tx, factor, user));
}

export type ChallengeInput = { method: "factor"; factorId: unknown; code: unknown; trustDevice?: boolean } | { method: "recovery"; code: unknown; trustDevice?: boolean };

export type ChallengeResult =
  | { ok: true; trustedDevice: { token: string; expiresAt: Date } | null }
  | { ok: false; error: "wrong"; remaining: number }
  | { ok: false; error: "ended" };

/**
 * The second step of sign-in. A right code marks the session verified (and, if asked, trusts the
 * device for 30 days). Five wrong codes end the session: the person starts again from the password.
 */
export async function verifyChallenge(svc: Services, session: SessionRow, user: User, input: ChallengeInput, ctx: RequestContext): Promise<ChallengeResult> {
  const now = svc.clock.now();
  const code = typeof input.code === "string" ? input.code.trim().slice(0, 40) : "";
  let passed = false;
  let how: string = input.method;
  if (input.method === "recovery") {
    passed = await useRecoveryCode(svc.db, user.id, code, now);
  } else {
    const factor = await factorOf(svc.db, user.id, input.factorId);
    if (factor?.confirmedAt) {
      how = factor.type;
      passed = await verifyFactorCode(svc, svc.db, factor, code);
    }
  }

  if (!passed) {
    const [row] = await svc.db
      .update(sessions)
      .set({ mfaFailedAttempts: sql`${sessions.mfaFailedAttempts} + 1` })
      .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)))
      .returning({ failed: sessions.mfaFailedAttempts });
    await recordAudit(svc.db, ctx, { action: "mfa.challenge_failed", actorUserId: user.id, subjectUserId: user.id, details: { method: how } }, now);
    if (!row || row.failed >= CHALLENGE_MAX_FAILURES) {
      await svc.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, session.id));
      return { ok: false, error: "ended" };
    }
    return { ok: false, error: "wrong", remaining: CHALLENGE_MAX_FAILURES - row.failed };
  }

  return svc.db.transaction(async (tx) => {
    await tx.update(sessions).set({ mfaVerifiedAt: now, lastVerifiedAt: now, mfaFailedAttempts: 0 }).where(eq(sessions.id, session.id));
    await recordAudit(tx, ctx, { action: "mfa.challenge_passed", actorUserId: user.id, subjectUserId: user.id, details: { method: how } }, now);
    if (input.method === "recovery") await recordAudit(tx, ctx, { action: "mfa.recovery_code_used", actorUserId: user.id, subjectUserId: user.id }, now);
    let trusted = null;
    if (input.trustDevice) {
      trusted = await trustDevice(tx, user.id, ctx, svc.clock);
      await recordAudit(tx, ctx, { action: "mfa.device_trusted", actorUserId: user.id, subjectUserId: user.id }, now);
    }
    return { ok: true as const, trustedDevice: trusted };
  });
}
