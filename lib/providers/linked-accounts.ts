import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerMemberships, providers, sessions, type Provider, type ProviderMembership } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { getMembership, isUuid, type Role } from "@/lib/access/permissions";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { summarize, type ProviderSummary } from "./directory";

/** One row of Manage Linked Accounts and of the ribbon's drop-down. */
export interface LinkedAccount extends ProviderSummary {
  role: Role;
  linkedAt: Date;
  active: boolean;
}

/** Every provider this person is actively linked to, oldest link first; `active` marks the session's provider. */
export async function listLinkedAccounts(db: Db, userId: string, activeProviderId: string | null): Promise<LinkedAccount[]> {
  const rows = await db
    .select({ p: providers, m: providerMemberships })
    .from(providerMemberships)
    .innerJoin(providers, eq(providers.id, providerMemberships.providerId))
    .where(and(eq(providerMemberships.userId, userId), eq(providerMemberships.status, "active")))
    .orderBy(asc(providerMemberships.createdAt), asc(providers.providerNumber));
  return rows.map(({ p, m }) => ({ ...summarize(p), role: m.role, linkedAt: m.createdAt, active: p.id === activeProviderId }));
}

export type SwitchResult = { ok: true; provider: ProviderSummary } | { ok: false; reason: "not_linked" };

/**
 * Makes `providerId` this session's active provider, only if the person holds an active
 * membership of it; anything else (a crafted id, a revoked link, someone else's session) is refused.
 */
export async function switchActiveProvider(svc: Services, sessionId: string, userId: string, providerId: unknown, ctx: RequestContext): Promise<SwitchResult> {
  const membership = isUuid(providerId) ? await getMembership(svc.db, userId, providerId) : null;
  const now = svc.clock.now();
  if (!membership) {
    await recordAudit(svc.db, ctx, { action: "provider.switch.refused", actorUserId: userId, details: { providerId: String(providerId).slice(0, 64) } }, now);
    return { ok: false, reason: "not_linked" };
  }
  const updated = await svc.db
    .update(sessions)
    .set({ activeProviderId: membership.providerId })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  const [p] = await svc.db.select().from(providers).where(eq(providers.id, membership.providerId));
  if (!updated.length || !p) return { ok: false, reason: "not_linked" };
  await recordAudit(svc.db, ctx, { action: "provider.switched", actorUserId: userId, providerId: p.id }, now);
  return { ok: true, provider: summarize(p) };
}

export interface ActiveProvider {
  provider: Provider;
  membership: ProviderMembership;
}

/**
 * The provider this session acts for, re-checked against the person's memberships on every call.
 * When the session's provider is no longer linked (revoked, or never set) the oldest active link
 * takes its place; null when the person has no active link at all. When the link was revoked, the
 * session remembers which provider it lost (removedProviderId) so the next page can say so once
 * (takeRemovedProviderNotice).
 */
export async function resolveActiveProvider(db: Db, session: { id: string; userId: string; activeProviderId: string | null }): Promise<ActiveProvider | null> {
  let revoked: string | null = null;
  if (session.activeProviderId && isUuid(session.activeProviderId)) {
    const [current] = await db
      .select({ p: providers, m: providerMemberships })
      .from(providerMemberships)
      .innerJoin(providers, eq(providers.id, providerMemberships.providerId))
      .where(and(eq(providerMemberships.userId, session.userId), eq(providerMemberships.providerId, session.activeProviderId)));
    if (current?.m.status === "active") return { provider: current.p, membership: current.m };
    if (current?.m.status === "revoked") revoked = current.p.id;
  }
  const [fallback] = await db
    .select({ p: providers, m: providerMemberships })
    .from(providerMemberships)
    .innerJoin(providers, eq(providers.id, providerMemberships.providerId))
    .where(and(eq(providerMemberships.userId, session.userId), eq(providerMemberships.status, "active")))
    .orderBy(asc(providerMemberships.createdAt))
    .limit(1);
  const next = fallback?.p.id ?? null;
  if (next !== session.activeProviderId) {
    // Only while the row still names the provider this call read: a stale session object (read
    // earlier in the same request) or a concurrent switch must not set the notice again.
    await db
      .update(sessions)
      .set(revoked ? { activeProviderId: next, removedProviderId: revoked } : { activeProviderId: next })
      .where(
        and(
          eq(sessions.id, session.id),
          eq(sessions.userId, session.userId),
          session.activeProviderId ? eq(sessions.activeProviderId, session.activeProviderId) : isNull(sessions.activeProviderId),
        ),
      );
  }
  return fallback ? { provider: fallback.p, membership: fallback.m } : null;
}

/** "Your access to <provider> was removed on <when>." */
export interface RemovedProviderNotice {
  providerName: string;
  revokedAt: Date;
}

/**
 * The revoked-access notice this session owes, at most once: clears removedProviderId and answers
 * the provider's name and when the membership was revoked; null when nothing is owed or access
 * has been restored since. Called while rendering the page (dynamic portal pages are not
 * prefetched, so the page that takes it is the page the person sees).
 */
export async function takeRemovedProviderNotice(db: Db, sessionId: string): Promise<RemovedProviderNotice | null> {
  if (!isUuid(sessionId)) return null;
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ userId: sessions.userId, removedProviderId: sessions.removedProviderId })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
      .for("update");
    if (!s?.removedProviderId) return null;
    await tx.update(sessions).set({ removedProviderId: null }).where(eq(sessions.id, sessionId));
    const [row] = await tx
      .select({ p: providers, m: providerMemberships })
      .from(providerMemberships)
      .innerJoin(providers, eq(providers.id, providerMemberships.providerId))
      .where(and(eq(providerMemberships.userId, s.userId), eq(providerMemberships.providerId, s.removedProviderId)));
    if (!row || row.m.status !== "revoked") return null;
    return { providerName: providerDisplayName(row.p), revokedAt: row.m.revokedAt ?? row.m.updatedAt };
  });
}
