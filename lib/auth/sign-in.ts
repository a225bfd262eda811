import { eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import { confirmedFactors } from "@/lib/mfa/factors";
import { isTrustedDevice } from "@/lib/mfa/trusted-devices";
import { hitRateLimits } from "@/lib/rate-limit";
import type { Services } from "@/lib/services";
import { lockedEmail } from "./emails";
import { clearFailedPasswords, isLocked, recordFailedPassword } from "./lockout";
import { hashSecret, needsRehash, verifyAgainstDummy, verifySecret } from "./password";
import { LOCKOUT_MS, RATE } from "./policy";
import { signInSchema } from "./schemas";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; mfaPassed: boolean }
  | { ok: false; code: "invalid" | "locked" | "not_activated" }
  | { ok: false; code: "rate_limited"; retryAfterMs: number };

/**
 * Checks email and password and opens a server-side session. Unknown emails cost the same
 * argon2 work as known ones and are locked after the same number of tries, so the answers do not
 * reveal which emails have accounts.
 */
export async function signIn(svc: Services, input: unknown, ctx: RequestContext, device: { trustedDeviceToken?: string } = {}): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const { email, password } = parsed.data;
  const { db, clock } = svc;

  const limit = await hitRateLimits(db, [[RATE.signInIp, ctx.ip ?? "unknown"], [RATE.signInAccount, email]], clock);
  if (!limit.allowed) return { ok: false, code: "rate_limited", retryAfterMs: limit.retryAfterMs };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const audit = (action: string, details?: Record<string, unknown>) =>
    recordAudit(db, ctx, { action, actorUserId: user?.id, subjectUserId: user?.id, details }, clock.now());

  if (await isLocked(db, email, clock)) {
    await (user ? verifySecret(user.passwordHash, password) : verifyAgainstDummy(password));
    await audit("auth.sign_in.locked", user ? undefined : { email });
    return { ok: false, code: "locked" };
  }

  const passwordOk = user ? await verifySecret(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk) {
    const { locked, justLocked } = await db.transaction(async (tx) => {
      const state = await recordFailedPassword(tx, email, clock);
      if (state.justLocked && user) {
        await enqueueEmail(tx, { to: user.email, ...lockedEmail(svc.mail, { firstName: user.firstName, hours: LOCKOUT_MS / 3_600_000 }) });
      }
      return state;
    });
    await audit("auth.sign_in.failed", user ? undefined : { email });
    if (justLocked) await audit("auth.locked_out", user ? undefined : { email });
    return { ok: false, code: locked ? "locked" : "invalid" };
  }

  await clearFailedPasswords(db, email);
  if (!user.activatedAt) {
    await audit("auth.sign_in.not_activated");
    return { ok: false, code: "not_activated" };
  }
  if (needsRehash(user.passwordHash)) {
    await db.update(users).set({ passwordHash: await hashSecret(password) }).where(eq(users.id, user.id));
  }
  const session = await createSession(db, user.id, ctx, clock);
  await audit("auth.sign_in.succeeded", { sessionId: session.id });
  // A device trusted in the last 30 days skips the second factor (it still needs one enrolled).
  const mfaPassed = (await confirmedFactors(db, user.id)).length > 0 && (await isTrustedDevice(db, user.id, device.trustedDeviceToken, clock));
  if (mfaPassed) {
    await db.update(sessions).set({ mfaVerifiedAt: clock.now() }).where(eq(sessions.id, session.id));
    await audit("mfa.trusted_device_used", { sessionId: session.id });
  }
  return { ok: true, userId: user.id, sessionId: session.id, mfaPassed };
}
