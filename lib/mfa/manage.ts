import { and, eq } from "drizzle-orm";
import { mfaFactors, type User } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Services } from "@/lib/services";
import { securityNoticeEmail } from "./emails";
import { confirmedFactors, factorOf, FACTOR_LABELS } from "./factors";
import { replaceRecoveryCodes } from "./recovery";

export type RemoveFactorResult = { ok: true } | { ok: false; error: "not_found" | "last_factor" };

/** Removes one of the person's factors; never the last one (every account keeps a second factor). */
export async function removeFactor(svc: Services, user: User, factorId: unknown, ctx: RequestContext): Promise<RemoveFactorResult> {
  return svc.db.transaction(async (tx): Promise<RemoveFactorResult> => {
    const factor = await factorOf(tx, user.id, factorId);
    if (!factor || !factor.confirmedAt) return { ok: false, error: "not_found" };
    // Lock the person's factors so two removals at once cannot both pass the "not the last" check.
    await tx.select({ id: mfaFactors.id }).from(mfaFactors).where(eq(mfaFactors.userId, user.id)).for("update");
    if ((await confirmedFactors(tx, user.id)).length <= 1) return { ok: false, error: "last_factor" };
    await tx.delete(mfaFactors).where(and(eq(mfaFactors.id, factor.id), eq(mfaFactors.userId, user.id)));
    const now = svc.clock.now();
    await enqueueEmail(tx, { to: user.email, ...securityNoticeEmail(svc.mail, { firstName: user.firstName, what: `${FACTOR_LABELS[factor.type]} was removed from your sign-in verification methods.` }) });
    await recordAudit(tx, ctx, { action: "mfa.factor_removed", actorUserId: user.id, subjectUserId: user.id, details: { type: factor.type, factorId: factor.id } }, now);
    return { ok: true };
  });
}

/** New recovery codes (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(svc: Services, user: User, ctx: RequestContext): Promise<string[]> {
  return svc.db.transaction(async (tx) => {
    const now = svc.clock.now();
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await enqueueEmail(tx, { to: user.email, ...securityNoticeEmail(svc.mail, { firstName: user.firstName, what: "New recovery codes were created; the old ones no longer work." }) });
    await recordAudit(tx, ctx, { action: "mfa.recovery_codes_regenerated", actorUserId: user.id, subjectUserId: user.id }, now);
    return codes;
  });
}
