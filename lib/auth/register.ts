import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import { fieldErrorsOf } from "@/lib/forms";
import { hitRateLimit } from "@/lib/rate-limit";
import type { Services } from "@/lib/services";
import { isCommonPassword } from "./common-passwords";
import { activationEmail, alreadyRegisteredEmail } from "./emails";
import { hashSecret, normalizeSecurityAnswer } from "./password";
import { ACTIVATION_TTL_MS, RATE } from "./policy";
import { registerSchema } from "./schemas";
import { issueUserToken } from "./tokens-store";

export type RegisterResult =
  | { ok: true }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; rateLimited: true; retryAfterMs: number };

export const COMMON_PASSWORD_MESSAGE = "This password is too common. Choose one that is harder to guess.";

/**
 * Create Account. Whether or not the email already has an account, the caller sees the same
 * result and the same work is done (two argon2 hashes, one transaction, one email), so neither
 * the page nor its timing tells the two apart.
 */
export async function registerAccount(svc: Services, input: unknown, ctx: RequestContext): Promise<RegisterResult> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const v = parsed.data;
  if (isCommonPassword(v.password)) return { ok: false, fieldErrors: { password: COMMON_PASSWORD_MESSAGE } };

  const limit = await hitRateLimit(svc.db, RATE.registerIp, ctx.ip ?? "unknown", svc.clock);
  if (!limit.allowed) return { ok: false, rateLimited: true, retryAfterMs: limit.retryAfterMs };

  const [passwordHash, securityAnswerHash] = await Promise.all([hashSecret(v.password), hashSecret(normalizeSecurityAnswer(v.securityAnswer))]);
  const now = svc.clock.now();

  await svc.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({
        email: v.email,
        passwordHash,
        firstName: v.firstName,
        lastName: v.lastName,
        securityQuestion: v.securityQuestion,
        securityAnswerHash,
        createdAt: now,
        updatedAt: now,
        passwordChangedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted[0]) {
      const token = await issueUserToken(tx, inserted[0].id, "activation", ACTIVATION_TTL_MS, svc.clock);
      await enqueueEmail(tx, { to: v.email, ...activationEmail(svc.mail, { firstName: v.firstName, token }) });
      await recordAudit(tx, ctx, { action: "account.registered", actorUserId: inserted[0].id, subjectUserId: inserted[0].id }, now);
    } else {
      const [existing] = await tx.select({ id: users.id, firstName: users.firstName }).from(users).where(eq(users.email, v.email));
      await enqueueEmail(tx, { to: v.email, ...alreadyRegisteredEmail(svc.mail, { firstName: existing?.firstName ?? v.firstName }) });
      await recordAudit(tx, ctx, { action: "account.register_existing_email", subjectUserId: existing?.id }, now);
    }
  });
  return { ok: true };
}
