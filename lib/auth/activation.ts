import { and, eq, isNull } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import { hitRateLimits } from "@/lib/rate-limit";
import type { Defer, Services } from "@/lib/services";
import { activationEmail } from "./emails";
import { ACTIVATION_TTL_MS, RATE } from "./policy";
import { emailOnlySchema } from "./schemas";
import { consumeUserToken, issueUserToken } from "./tokens-store";

export type ActivationResult = "activated" | "expired" | "used" | "invalid";

/** Opens an activation link: single use, 7 days. */
export async function activateAccount(svc: Services, token: string, ctx: RequestContext): Promise<ActivationResult> {
  return svc.db.transaction(async (tx) => {
    const t = await consumeUserToken(tx, token, "activation", svc.clock);
    if (t.status !== "valid") return t.status;
    const now = svc.clock.now();
    await tx.update(users).set({ activatedAt: now, updatedAt: now }).where(and(eq(users.id, t.userId), isNull(users.activatedAt)));
    await recordAudit(tx, ctx, { action: "account.activated", actorUserId: t.userId, subjectUserId: t.userId }, now);
    return "activated";
  });
}

export type ResendResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; rateLimited: true; retryAfterMs: number };

/**
 * "Resend activation email": the same answer, after the same work, whatever the address; the
 * lookup and the new link happen after the response is sent (see requestPasswordReset).
 */
export async function resendActivation(svc: Services, input: unknown, ctx: RequestContext, defer: Defer): Promise<ResendResult> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: { email: parsed.error.issues[0]!.message } };
  const { email } = parsed.data;
  const limit = await hitRateLimits(svc.db, [[RATE.resendIp, ctx.ip ?? "unknown"], [RATE.resendAccount, email]], svc.clock);
  if (!limit.allowed) return { ok: false, rateLimited: true, retryAfterMs: limit.retryAfterMs };
  defer(() => sendActivationAgain(svc, email, ctx));
  return { ok: true };
}

/** The deferred half: only an account that exists and is not yet active gets a new link (the old one stops working). */
export async function sendActivationAgain(svc: Services, email: string, ctx: RequestContext): Promise<void> {
  await svc.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || user.activatedAt) return;
    const token = await issueUserToken(tx, user.id, "activation", ACTIVATION_TTL_MS, svc.clock);
    await enqueueEmail(tx, { to: email, ...activationEmail(svc.mail, { firstName: user.firstName, token }) });
    await recordAudit(tx, ctx, { action: "account.activation_resent", subjectUserId: user.id }, svc.clock.now());
  });
}
