import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { sessions, users, type SessionRow, type User } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { fieldErrorsOf } from "@/lib/forms";
import { enqueueEmail } from "@/lib/mail/outbox";
import { securityNoticeEmail } from "@/lib/mfa/emails";
import { REVERIFY_AFTER_MS } from "@/lib/mfa/policy";
import { revokeAllTrustedDevices } from "@/lib/mfa/trusted-devices";
import type { Services } from "@/lib/services";
import { isCommonPassword } from "./common-passwords";
import { hashSecret, normalizeSecurityAnswer, verifySecret } from "./password";
import { passwordProblem } from "./password-rules";
import { COMMON_PASSWORD_MESSAGE } from "./register";
import { changePasswordSchema, securityQuestionSchema } from "./schemas";
import { revokeAllSessions } from "./sessions";

/** Sensitive settings re-ask the password when the person last proved who they are over 10 minutes ago. */
export function needsReverification(session: Pick<SessionRow, "lastVerifiedAt">, now: Date): boolean {
  return now.getTime() - session.lastVerifiedAt.getTime() >= REVERIFY_AFTER_MS;
}

export type ReverifyResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** "Confirm it's you": the password again, which refreshes the session's verification time. */
export async function reverifyWithPassword(svc: Services, session: SessionRow, user: User, input: unknown, ctx: RequestContext): Promise<ReverifyResult> {
  const password = z.object({ password: z.string().min(1).max(512) }).safeParse(input);
  if (!password.success || !(await verifySecret(user.passwordHash, password.data.password))) {
    await recordAudit(svc.db, ctx, { action: "auth.reverify_failed", actorUserId: user.id, subjectUserId: user.id }, svc.clock.now());
    return { ok: false, fieldErrors: { password: "That password is not right" } };
  }
  await svc.db.update(sessions).set({ lastVerifiedAt: svc.clock.now() }).where(eq(sessions.id, session.id));
  return { ok: true };
}

async function notify(svc: Services, db: Services["db"], user: User, what: string, action: string, ctx: RequestContext) {
  await enqueueEmail(db, { to: user.email, ...securityNoticeEmail(svc.mail, { firstName: user.firstName, what }) });
  await recordAudit(db, ctx, { action, actorUserId: user.id, subjectUserId: user.id }, svc.clock.now());
}

export type SettingsResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** Change password: the current one, then the rules; other sessions are signed out. */
export async function changePassword(svc: Services, session: SessionRow, user: User, input: unknown, ctx: RequestContext): Promise<SettingsResult> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, password } = parsed.data;
  if (!(await verifySecret(user.passwordHash, currentPassword))) return { ok: false, fieldErrors: { currentPassword: "Your current password is not right" } };
  const problem = passwordProblem(password, user.email);
  if (problem) return { ok: false, fieldErrors: { password: problem } };
  if (isCommonPassword(password)) return { ok: false, fieldErrors: { password: COMMON_PASSWORD_MESSAGE } };
  if (password === currentPassword) return { ok: false, fieldErrors: { password: "Choose a password different from your current one" } };
  const hash = await hashSecret(password);
  await svc.db.transaction(async (tx) => {
    const now = svc.clock.now();
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), ne(sessions.id, session.id), isNull(sessions.revokedAt)));
    await notify(svc, tx, user, "Your password was changed, and your other sessions were signed out.", "auth.password_changed", ctx);
  });
  return { ok: true };
}

export async function changeSecurityQuestion(svc: Services, user: User, input: unknown, ctx: RequestContext): Promise<SettingsResult> {
  const parsed = securityQuestionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const answerHash = await hashSecret(normalizeSecurityAnswer(parsed.data.securityAnswer));
  await svc.db.transaction(async (tx) => {
    await tx.update(users).set({ securityQuestion: parsed.data.securityQuestion, securityAnswerHash: answerHash, updatedAt: svc.clock.now() }).where(eq(users.id, user.id));
    await notify(svc, tx, user, "Your security question and answer were changed.", "auth.security_question_changed", ctx);
  });
  return { ok: true };
}

/** The person's live sessions, newest first. */
export async function listLiveSessions(svc: Services, userId: string) {
  return svc.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, svc.clock.now())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the person's own sessions (another person's session id changes nothing). */
export async function endOwnSession(svc: Services, user: User, sessionId: unknown, ctx: RequestContext): Promise<boolean> {
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const rows = await svc.db
    .update(sessions)
    .set({ revokedAt: svc.clock.now() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (rows.length) await recordAudit(svc.db, ctx, { action: "auth.session_revoked", actorUserId: user.id, subjectUserId: user.id, details: { sessionId } }, svc.clock.now());
  return rows.length === 1;
}

/** "Sign out everywhere": every session and every trusted device of the person. */
export async function signOutEverywhere(svc: Services, user: User, ctx: RequestContext): Promise<void> {
  await svc.db.transaction(async (tx) => {
    await revokeAllSessions(tx, user.id, svc.clock);
    await revokeAllTrustedDevices(tx, user.id, svc.clock);
    await notify(svc, tx, user, "You signed out everywhere: every session and trusted device was signed out.", "auth.signed_out_everywhere", ctx);
  });
}
