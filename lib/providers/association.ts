import { and, eq, gt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreementAcceptances, pendingAssociations, providerMemberships, providers, sessions } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { fieldErrorsOf } from "@/lib/forms";
import { lookupKey, matchProvider } from "@/lib/registry/match";
import type { Services } from "@/lib/services";
import { type Role } from "@/lib/access/permissions";
import { notify } from "@/lib/messages/notify";
import { currentAgreement, type Agreement } from "./agreement";
import { countFailedAttempt, failedAttemptsLeft } from "./attempts";
import { findRegistryRecord, providerById, summarize, type ProviderSummary } from "./directory";
import { PENDING_ASSOCIATION_TTL_MS } from "./policy";
import { agreementSchema, associateSchema } from "./schemas";

/**
 * Associate Provider and Link Account: step 1 matches the typed details against the registry and
 * keeps the matched provider server-side (pending_associations); step 2 accepts the Provider
 * Agreement and creates the membership. The browser never names the provider in step 2.
 */

export type AssociateResult =
  | { ok: true; provider: ProviderSummary }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "mismatch" }
  | { ok: false; reason: "already_linked"; provider: ProviderSummary }
  /** No link made: the page offers an access request to the provider's administrators (issue 6 builds the queue). */
  | { ok: false; reason: "admin_exists"; provider: ProviderSummary; adminCount: number };

/** Active administrators of a provider other than `exceptUserId`. */
async function otherActiveAdmins(db: Db, providerId: string, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(providerMemberships)
    .where(
      and(
        eq(providerMemberships.providerId, providerId),
        eq(providerMemberships.role, "admin"),
        eq(providerMemberships.status, "active"),
        ne(providerMemberships.userId, exceptUserId),
      ),
    );
  return Number(row?.n ?? 0);
}

async function hasActiveMembership(db: Db, userId: string, providerId: string): Promise<boolean> {
  const [m] = await db
    .select({ id: providerMemberships.id })
    .from(providerMemberships)
    .where(and(eq(providerMemberships.userId, userId), eq(providerMemberships.providerId, providerId), eq(providerMemberships.status, "active")));
  return !!m;
}

/** Step 1 (first association or Link Account). Audited; the typed Tax ID is never recorded. */
export async function associateProvider(svc: Services, userId: string, input: unknown, ctx: RequestContext): Promise<AssociateResult> {
  const parsed = associateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const claim = parsed.data;
  const now = svc.clock.now();
  const audit = (outcome: string, providerId: string | null) =>
    recordAudit(
      svc.db,
      ctx,
      { action: "provider.association.attempt", actorUserId: userId, providerId, details: { outcome, providerType: claim.providerType, providerNumber: claim.providerNumber } },
      now,
    );

  const budget = await failedAttemptsLeft(svc.db, userId, svc.clock);
  if (!budget.allowed) {
    await audit("rate_limited", null);
    return { ok: false, reason: "rate_limited", retryAfterMs: budget.retryAfterMs };
  }

  const key = lookupKey(claim);
  const found = key ? await findRegistryRecord(svc.db, key) : null;
  const outcome = matchProvider(claim, found?.record ?? null);
  if (outcome !== "match" || !found) {
    await countFailedAttempt(svc.db, userId, svc.clock);
    await audit(outcome, found?.provider.id ?? null);
    return { ok: false, reason: outcome === "mismatch" ? "mismatch" : "not_found" };
  }

  const provider = summarize(found.provider);
  if (await hasActiveMembership(svc.db, userId, provider.id)) {
    await audit("already_linked", provider.id);
    return { ok: false, reason: "already_linked", provider };
  }
  const adminCount = await otherActiveAdmins(svc.db, provider.id, userId);
  if (adminCount > 0) {
    await audit("admin_exists", provider.id);
    return { ok: false, reason: "admin_exists", provider, adminCount };
  }

  const expiresAt = new Date(now.getTime() + PENDING_ASSOCIATION_TTL_MS);
  await svc.db
    .insert(pendingAssociations)
    .values({ userId, providerId: provider.id, expiresAt, createdAt: now })
    .onConflictDoUpdate({ target: pendingAssociations.userId, set: { providerId: provider.id, expiresAt, createdAt: now } });
  await audit("matched", provider.id);
  return { ok: true, provider };
}

/** What step 2 shows: the matched provider and the current agreement, or null when there is nothing pending. */
export async function getPendingAssociation(svc: Services, userId: string): Promise<{ provider: ProviderSummary; agreement: Agreement } | null> {
  const [pending] = await svc.db
    .select()
    .from(pendingAssociations)
    .where(and(eq(pendingAssociations.userId, userId), gt(pendingAssociations.expiresAt, svc.clock.now())));
  if (!pending) return null;
  const [provider, agreement] = await Promise.all([providerById(svc.db, pending.providerId), currentAgreement(svc.db)]);
  if (!provider || !agreement) return null;
  return { provider: summarize(provider), agreement };
}

export type AcceptResult =
  | { ok: true; provider: ProviderSummary; role: Role }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "agreement_changed" }
  | { ok: false; reason: "no_pending" }
  | { ok: false; reason: "already_linked"; provider: ProviderSummary }
  | { ok: false; reason: "admin_exists"; provider: ProviderSummary; adminCount: number };

export interface Actor {
  userId: string;
  /** The session that becomes active for the new provider. */
  sessionId: string;
}

/**
 * Step 2: records the acceptance (version, time, IP), creates the membership and makes the provider
 * active for this session. The provider row is locked while deciding, so of two people racing for a
 * provider with no administrator exactly one becomes its administrator; the other is refused and
 * offered an access request.
 */
export async function acceptAgreement(svc: Services, actor: Actor, input: unknown, ctx: RequestContext): Promise<AcceptResult> {
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const agreement = await currentAgreement(svc.db);
  if (!agreement || agreement.version !== parsed.data.agreementVersion) return { ok: false, reason: "agreement_changed" };
  const now = svc.clock.now();

  return svc.db.transaction(async (tx): Promise<AcceptResult> => {
    const [pending] = await tx
      .select()
      .from(pendingAssociations)
      .where(and(eq(pendingAssociations.userId, actor.userId), gt(pendingAssociations.expiresAt, now)))
      .for("update");
    if (!pending) return { ok: false, reason: "no_pending" };
    const [locked] = await tx.select().from(providers).where(eq(providers.id, pending.providerId)).for("update");
    await tx.delete(pendingAssociations).where(eq(pendingAssociations.id, pending.id));
    if (!locked) return { ok: false, reason: "no_pending" };
    const provider = summarize(locked);

    if (await hasActiveMembership(tx, actor.userId, provider.id)) return { ok: false, reason: "already_linked", provider };
    const adminCount = await otherActiveAdmins(tx, provider.id, actor.userId);
    if (adminCount > 0) {
      await recordAudit(tx, ctx, { action: "provider.association.attempt", actorUserId: actor.userId, providerId: provider.id, details: { outcome: "admin_exists_at_agreement" } }, now);
      return { ok: false, reason: "admin_exists", provider, adminCount };
    }

    // Association only ever links a provider with no active administrator: the person becomes it.
    const role: Role = "admin";
    await tx
      .insert(providerMemberships)
      .values({ providerId: provider.id, userId: actor.userId, role, permissions: [], status: "active", source: "association", createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [providerMemberships.providerId, providerMemberships.userId],
        set: { role, permissions: [], status: "active", source: "association", createdAt: now, updatedAt: now },
      });
    await tx.insert(agreementAcceptances).values({ userId: actor.userId, providerId: provider.id, agreementVersion: agreement.version, ip: ctx.ip, acceptedAt: now });
    await tx
      .update(sessions)
      .set({ activeProviderId: provider.id })
      .where(and(eq(sessions.id, actor.sessionId), eq(sessions.userId, actor.userId)));
    await notify(tx, svc, { kind: "provider.agreement_accepted", providerId: provider.id, subjectUserId: actor.userId, agreementVersion: agreement.version });
    await notify(tx, svc, { kind: "provider.linked", providerId: provider.id, subjectUserId: actor.userId, role });
    await recordAudit(tx, ctx, { action: "provider.agreement.accepted", actorUserId: actor.userId, providerId: provider.id, details: { agreementVersion: agreement.version } }, now);
    await recordAudit(tx, ctx, { action: "provider.linked", actorUserId: actor.userId, subjectUserId: actor.userId, providerId: provider.id, details: { role, source: "association" } }, now);
    return { ok: true, provider, role };
  });
}
