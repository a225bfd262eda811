import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mfaFactors, sessions, type MfaFactor, type SessionRow, type User } from "@/db/schema";
import { needsReverification } from "@/lib/auth/account-settings";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Services } from "@/lib/services";
import { checkFactorCode, sendFactorCode, type SendResult } from "./code-delivery";
import { decryptSecret, encryptSecret } from "./crypto";
import { securityNoticeEmail } from "./emails";
import { mayEnrollFactor, type EnrollmentDecision } from "./enrollment";
import { formatUsPhone, normalizeUsPhone } from "./phone";
import { replaceRecoveryCodes } from "./recovery";
import { newTotpSecret, totpUri, verifyTotp } from "./totp";

export const FACTOR_LABELS = { totp: "Authenticator app", email: "Email code", sms: "SMS code" } as const;

export async function confirmedFactors(db: Db, userId: string): Promise<MfaFactor[]> {
  return db
    .select()
    .from(mfaFactors)
    .where(and(eq(mfaFactors.userId, userId), isNotNull(mfaFactors.confirmedAt)))
    .orderBy(asc(mfaFactors.createdAt));
}

/** A factor of this user, or null: ids from the browser are never trusted on their own. */
export async function factorOf(db: Db, userId: string, factorId: unknown): Promise<MfaFactor | null> {
  if (typeof factorId !== "string" || !/^[0-9a-f-]{36}$/i.test(factorId)) return null;
  const [f] = await db.select().from(mfaFactors).where(and(eq(mfaFactors.id, factorId), eq(mfaFactors.userId, userId)));
  return f ?? null;
}

/** Checks a code for a confirmed or enrolling factor (TOTP with replay protection, or an emailed/texted code). */
export async function verifyFactorCode(svc: Services, db: Db, factor: MfaFactor, code: string): Promise<boolean> {
  const now = svc.clock.now();
  if (factor.type === "totp") {
    const secret = decryptSecret(factor.secretEncrypted!, svc.mfaKeyHex);
    const result = verifyTotp(secret, code.trim(), now.getTime(), factor.lastUsedStep);
    if (!result.ok) return false;
    // Conditional on the step we read, so two requests with one code cannot both pass.
    const updated = await db
      .update(mfaFactors)
      .set({ lastUsedStep: result.step, lastUsedAt: now })
      .where(and(eq(mfaFactors.id, factor.id), factor.lastUsedStep === null ? isNull(mfaFactors.lastUsedStep) : eq(mfaFactors.lastUsedStep, factor.lastUsedStep)))
      .returning({ id: mfaFactors.id });
    return updated.length === 1;
  }
  const ok = await checkFactorCode(db, factor, code, now);
  if (ok) await db.update(mfaFactors).set({ lastUsedAt: now }).where(eq(mfaFactors.id, factor.id));
  return ok;
}

/** The session and person enrolling a factor. */
export interface Enrolling {
  session: SessionRow;
  user: User;
}

/** Refused enrollments: finish the sign-in challenge first, or re-enter the password. */
export type EnrollmentRefused = { ok: false; reason: Exclude<EnrollmentDecision, "allowed"> };

/**
 * The enrollment rule (lib/mfa/enrollment.ts) against the database: checked by every enrollment
 * step, whatever guard the caller passed. `db` may be a transaction holding the factors' lock.
 */
async function enrollmentRefusal(db: Db, e: Enrolling, now: Date): Promise<EnrollmentRefused | null> {
  const hasConfirmedFactor = (await confirmedFactors(db, e.user.id)).length > 0;
  const decision = mayEnrollFactor({ mfaVerified: !!e.session.mfaVerifiedAt, hasConfirmedFactor, recentlyVerified: !needsReverification(e.session, now) });
  return decision === "allowed" ? null : { ok: false, reason: decision };
}

export type TotpEnrollment = { ok: true; factorId: string; secret: string; uri: string } | EnrollmentRefused;

/** Starts adding an authenticator app: a new secret, kept unconfirmed until a valid code comes back. */
export async function startTotpEnrollment(svc: Services, e: Enrolling, issuer: string): Promise<TotpEnrollment> {
  const refused = await enrollmentRefusal(svc.db, e, svc.clock.now());
  if (refused) return refused;
  const { user } = e;
  const secret = newTotpSecret();
  const [factor] = await svc.db.transaction(async (tx) => {
    await tx.delete(mfaFactors).where(and(eq(mfaFactors.userId, user.id), eq(mfaFactors.type, "totp"), isNull(mfaFactors.confirmedAt)));
    return tx.insert(mfaFactors).values({ userId: user.id, type: "totp", secretEncrypted: encryptSecret(secret, svc.mfaKeyHex), createdAt: svc.clock.now() }).returning();
  });
  return { ok: true, factorId: factor!.id, secret, uri: totpUri(secret, user.email, issuer) };
}

/** An enrollment in progress, as its page shows it: the authenticator key (to scan or type) or where the code went. */
export type PendingEnrollment =
  | { factorId: string; type: "totp"; secret: string; uri: string }
  | { factorId: string; type: "email" | "sms"; phone: string | null };

/**
 * The person's own unconfirmed factor, for the second step of setup (its id travels in the page's
 * URL, so a form posted without JavaScript finds it again). Null for anyone else's factor or a
 * confirmed one. Showing an authenticator key again is safe: only its owner, mid-setup, sees it.
 */
export async function pendingEnrollment(svc: Services, user: User, factorId: unknown, issuer: string): Promise<PendingEnrollment | null> {
  const factor = await factorOf(svc.db, user.id, factorId);
  if (!factor || factor.confirmedAt) return null;
  if (factor.type === "totp") {
    const secret = decryptSecret(factor.secretEncrypted!, svc.mfaKeyHex);
    return { factorId: factor.id, type: "totp", secret, uri: totpUri(secret, user.email, issuer) };
  }
  return { factorId: factor.id, type: factor.type, phone: factor.phone };
}

export type StartCodeResult = { ok: true; factorId: string } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; retryAfterMs: number } | EnrollmentRefused;

/** Starts adding an email or SMS factor: sends the first code to the account email or the phone. */
export async function startCodeEnrollment(svc: Services, e: Enrolling, input: { type: "email" | "sms"; phone?: string }): Promise<StartCodeResult> {
  const refused = await enrollmentRefusal(svc.db, e, svc.clock.now());
  if (refused) return refused;
  const { user } = e;
  let phone: string | null = null;
  if (input.type === "sms") {
    phone = normalizeUsPhone(input.phone ?? "");
    if (!phone) return { ok: false, fieldErrors: { phone: "Enter a US mobile number with area code, like (614) 555-0123" } };
  }
  return svc.db.transaction(async (tx): Promise<StartCodeResult> => {
    await tx.delete(mfaFactors).where(and(eq(mfaFactors.userId, user.id), eq(mfaFactors.type, input.type), isNull(mfaFactors.confirmedAt)));
    const [factor] = await tx.insert(mfaFactors).values({ userId: user.id, type: input.type, phone, createdAt: svc.clock.now() }).returning();
    const sent: SendResult = await sendFactorCode(svc, tx, factor!, user);
    if (!sent.ok) return { ok: false, retryAfterMs: sent.retryAfterMs };
    return { ok: true, factorId: factor!.id };
  });
}

/** Sends another code while enrolling (same limits as at sign-in). */
export async function resendEnrollmentCode(svc: Services, user: User, factorId: unknown): Promise<SendResult | { ok: false; notFound: true }> {
  const factor = await factorOf(svc.db, user.id, factorId);
  if (!factor || factor.confirmedAt || factor.type === "totp") return { ok: false, notFound: true };
  return svc.db.transaction((tx) => sendFactorCode(svc, tx, factor, user));
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] | null } | { ok: false; fieldErrors: Record<string, string> } | EnrollmentRefused;

/**
 * Finishes adding a factor with a valid code. The first factor also passes the session's MFA
 * (it is the person's first sign-in) and creates the 10 recovery codes, returned here to be shown
 * once. The enrollment rule is checked again under a lock of the person's factors, so two setups
 * racing in a password-only session cannot both count as "the first".
 */
export async function confirmEnrollment(svc: Services, e: Enrolling, input: { factorId: unknown; code: unknown }, ctx: RequestContext): Promise<ConfirmResult> {
  const { user, session } = e;
  const code = typeof input?.code === "string" ? input.code.trim() : "";
  if (!/^\d{6}$/.test(code)) return { ok: false, fieldErrors: { code: "Enter the 6-digit code" } };
  return svc.db.transaction(async (tx): Promise<ConfirmResult> => {
    await tx.select({ id: mfaFactors.id }).from(mfaFactors).where(eq(mfaFactors.userId, user.id)).for("update");
    const refused = await enrollmentRefusal(tx, e, svc.clock.now());
    if (refused) return refused;
    const factor = await factorOf(tx, user.id, input.factorId);
    if (!factor || factor.confirmedAt) return { ok: false, fieldErrors: { code: "Start again: this setup is no longer open" } };
    if (!(await verifyFactorCode(svc, tx, factor, code))) return { ok: false, fieldErrors: { code: "That code is not right or has expired. Try again." } };
    const now = svc.clock.now();
    const isFirst = (await confirmedFactors(tx, user.id)).length === 0;
    await tx.update(mfaFactors).set({ confirmedAt: now }).where(eq(mfaFactors.id, factor.id));
    await tx.update(sessions).set({ mfaVerifiedAt: now, lastVerifiedAt: now, mfaFailedAttempts: 0 }).where(and(eq(sessions.id, session.id), eq(sessions.userId, user.id)));
    const recoveryCodes = isFirst ? await replaceRecoveryCodes(tx, user.id, now) : null;
    const what = `${FACTOR_LABELS[factor.type]}${factor.phone ? ` (${formatUsPhone(factor.phone)})` : ""} was added as a sign-in verification method.`;
    await enqueueEmail(tx, { to: user.email, ...securityNoticeEmail(svc.mail, { firstName: user.firstName, what }) });
    await recordAudit(tx, ctx, { action: "mfa.factor_added", actorUserId: user.id, subjectUserId: user.id, details: { type: factor.type, factorId: factor.id } }, now);
    return { ok: true, recoveryCodes };
  });
}
