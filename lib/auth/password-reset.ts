import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { fieldErrorsOf } from "@/lib/forms";
import { enqueueEmail } from "@/lib/mail/outbox";
import { hitRateLimits } from "@/lib/rate-limit";
import { sqlTimestamp } from "@/lib/clock";
import { revokeAllTrustedDevices } from "@/lib/mfa/trusted-devices";
import type { Defer, Services } from "@/lib/services";
import { isCommonPassword } from "./common-passwords";
import { passwordChangedEmail, resetEmail } from "./emails";
import { clearFailedPasswords } from "./lockout";
import { hashSecret, verifySecret } from "./password";
import { passwordProblem } from "./password-rules";
import { RATE, RESET_TTL_MS } from "./policy";
import { COMMON_PASSWORD_MESSAGE } from "./register";
import { emailOnlySchema, resetPasswordSchema } from "./schemas";
import { revokeAllSessions } from "./sessions";
import { consumeUserToken, findUserToken, issueUserToken } from "./tokens-store";

export type ForgotResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; rateLimited: true; retryAfterMs: number };

/**
 * Forgot password: the same answer, after the same work, whatever the address. Only the rate
 * limits run before the answer; looking the email up and writing the link happen after the
 * response is sent (`defer`), so its timing cannot tell which emails have accounts.
 */
export async function requestPasswordReset(svc: Services, input: unknown, ctx: RequestContext, defer: Defer): Promise<ForgotResult> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: { email: parsed.error.issues[0]!.message } };
  const { email } = parsed.data;
  const limit = await hitRateLimits(svc.db, [[RATE.forgotIp, ctx.ip ?? "unknown"], [RATE.forgotAccount, email]], svc.clock);
  if (!limit.allowed) return { ok: false, rateLimited: true, retryAfterMs: limit.retryAfterMs };
  defer(() => sendPasswordReset(svc, email, ctx));
  return { ok: true };
}

/** The deferred half of Forgot password: a known email gets a 1-hour link (the previous one stops working). */
export async function sendPasswordReset(svc: Services, email: string, ctx: RequestContext): Promise<void> {
  await svc.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) return;
    const token = await issueUserToken(tx, user.id, "password_reset", RESET_TTL_MS, svc.clock);
    await enqueueEmail(tx, { to: email, ...resetEmail(svc.mail, { firstName: user.firstName, token }) });
    await recordAudit(tx, ctx, { action: "auth.reset_requested", subjectUserId: user.id }, svc.clock.now());
  });
}

export type ResetLinkState = { status: "valid"; email: string } | { status: "expired" | "used" | "invalid" };

/** What the reset page shows before the form is sent: the link's state, and whose it is. */
export async function checkResetLink(svc: Services, token: string): Promise<ResetLinkState> {
  const t = await findUserToken(svc.db, token, "password_reset", svc.clock);
  if (t.status !== "valid") return t;
  const [user] = await svc.db.select({ email: users.email }).from(users).where(eq(users.id, t.userId));
  return user ? { status: "valid", email: user.email } : { status: "invalid" };
}

export type ResetResult =
  | { ok: true }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; link: "expired" | "used" | "invalid" };

/**
 * Sets a new password from a reset link. Success unlocks the account, activates it if it was
 * not yet (the link proves the email), ends every session and emails a notice.
 */
export async function resetPassword(svc: Services, input: unknown, ctx: RequestContext): Promise<ResetResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    if (errors.token) return { ok: false, link: "invalid" };
    return { ok: false, fieldErrors: errors };
  }
  const { token, password } = parsed.data;
  const found = await findUserToken(svc.db, token, "password_reset", svc.clock);
  if (found.status !== "valid") return { ok: false, link: found.status };
  const [user] = await svc.db.select().from(users).where(eq(users.id, found.userId));
  if (!user) return { ok: false, link: "invalid" };

  const problem = passwordProblem(password, user.email);
  if (problem) return { ok: false, fieldErrors: { password: problem } };
  if (isCommonPassword(password)) return { ok: false, fieldErrors: { password: COMMON_PASSWORD_MESSAGE } };
  if (await verifySecret(user.passwordHash, password)) {
    return { ok: false, fieldErrors: { password: "Choose a password different from your current one" } };
  }
  const passwordHash = await hashSecret(password);

  return svc.db.transaction(async (tx): Promise<ResetResult> => {
    const used = await consumeUserToken(tx, token, "password_reset", svc.clock);
    if (used.status !== "valid") return { ok: false, link: used.status };
    const now = svc.clock.now();
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, activatedAt: sql`coalesce(${users.activatedAt}, ${sqlTimestamp(now)}::timestamptz)` })
      .where(eq(users.id, user.id));
    await clearFailedPasswords(tx, user.email);
    const ended = await revokeAllSessions(tx, user.id, svc.clock);
    await revokeAllTrustedDevices(tx, user.id, svc.clock);
    await enqueueEmail(tx, { to: user.email, ...passwordChangedEmail(svc.mail, { firstName: user.firstName }) });
    await recordAudit(tx, ctx, { action: "auth.password_reset", actorUserId: user.id, subjectUserId: user.id, details: { sessionsEnded: ended } }, now);
    return { ok: true };
  });
}
