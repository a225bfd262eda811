import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mfaCodes, type MfaFactor, type User } from "@/db/schema";
import { enqueueEmail, enqueueSms } from "@/lib/mail/outbox";
import { hitRateLimit } from "@/lib/rate-limit";
import type { Services } from "@/lib/services";
import { codeMatches, hashCode, newNumericCode } from "./codes";
import { mfaCodeEmail, mfaCodeSms } from "./emails";
import { CODE_MAX_ATTEMPTS, CODE_RESEND_MS, CODE_TTL_MS, MFA_RATE } from "./policy";

export type SendResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Sends a new 6-digit code for an email or SMS factor: at most once per 30 seconds and 5 times
 * an hour per person. Earlier unused codes of the factor stop working. The code itself is never
 * logged or stored in clear: only the outbox message carries it.
 */
export async function sendFactorCode(svc: Services, db: Db, factor: MfaFactor, user: User): Promise<SendResult> {
  const now = svc.clock.now();
  const [last] = await db.select().from(mfaCodes).where(eq(mfaCodes.factorId, factor.id)).orderBy(desc(mfaCodes.createdAt)).limit(1);
  if (last && now.getTime() - last.createdAt.getTime() < CODE_RESEND_MS) {
    return { ok: false, retryAfterMs: CODE_RESEND_MS - (now.getTime() - last.createdAt.getTime()) };
  }
  const hourly = await hitRateLimit(db, MFA_RATE.sendHourly, user.id, svc.clock);
  if (!hourly.allowed) return { ok: false, retryAfterMs: hourly.retryAfterMs };

  await db.update(mfaCodes).set({ usedAt: now }).where(and(eq(mfaCodes.factorId, factor.id), isNull(mfaCodes.usedAt)));
  const code = newNumericCode();
  const id = crypto.randomUUID();
  await db.insert(mfaCodes).values({ id, factorId: factor.id, codeHash: hashCode(code, id), expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now });
  if (factor.type === "sms") {
    await enqueueSms(db, { to: factor.phone!, ...mfaCodeSms(svc.mail, code) });
  } else {
    await enqueueEmail(db, { to: user.email, ...mfaCodeEmail(svc.mail, { firstName: user.firstName, code }) });
  }
  return { ok: true };
}

/**
 * Checks a code against the factor's newest live code; a match uses it up. Each try is counted
 * before the code is compared, in one conditional update, so a code allows at most
 * CODE_MAX_ATTEMPTS tries even when they arrive at once; after that it is void and a new one must
 * be sent (within the send limits).
 */
export async function checkFactorCode(db: Db, factor: MfaFactor, code: string, now: Date): Promise<boolean> {
  const [live] = await db
    .select()
    .from(mfaCodes)
    .where(and(eq(mfaCodes.factorId, factor.id), isNull(mfaCodes.usedAt)))
    .orderBy(desc(mfaCodes.createdAt))
    .limit(1);
  if (!live || now.getTime() >= live.expiresAt.getTime()) return false;
  const [counted] = await db
    .update(mfaCodes)
    .set({ attempts: sql`${mfaCodes.attempts} + 1` })
    .where(and(eq(mfaCodes.id, live.id), isNull(mfaCodes.usedAt), lt(mfaCodes.attempts, CODE_MAX_ATTEMPTS)))
    .returning({ attempts: mfaCodes.attempts });
  if (!counted) return false;
  const right = /^\d{6}$/.test(code.trim()) && codeMatches(code, live.id, live.codeHash);
  if (!right) {
    // The last allowed try was wrong: the code is void.
    if (counted.attempts >= CODE_MAX_ATTEMPTS) await db.update(mfaCodes).set({ usedAt: now }).where(and(eq(mfaCodes.id, live.id), isNull(mfaCodes.usedAt)));
    return false;
  }
  const used = await db
    .update(mfaCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaCodes.id, live.id), isNull(mfaCodes.usedAt)))
    .returning({ id: mfaCodes.id });
  return used.length === 1;
}
