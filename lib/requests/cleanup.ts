import { and, count, eq, gt, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessRequests, auditEvents, invitations, mfaCodes, outbox, pendingAssociations, providers, sessions, userTokens } from "@/db/schema";
import { safeEqual } from "@/lib/auth/tokens";
import { DAY } from "@/lib/clock";
import { dispatchOutbox, type DispatchResult } from "@/lib/mail/dispatcher";
import type { Transports } from "@/lib/mail/transports";
import { purgeRateLimits } from "@/lib/rate-limit";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { notifyAll } from "@/lib/messages/notify";
import { activeAdmins } from "./directory";
import { deniedEmail, reminderAdminEmail } from "./emails";
import { DECISION_WINDOW_MS, REMINDER_BEFORE_MS } from "./policy";

export const CLEANUP_BATCH = 1000;
/** Expired rows are kept this long, so a late click still reads "expired" rather than "invalid". */
const GRACE_MS = 1 * DAY;

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time. */
export function isAuthorizedCron(header: string | null | undefined, secret: string | undefined): boolean {
  if (!header || !secret) return false;
  const m = /^Bearer (.+)$/.exec(header.trim());
  return !!m && safeEqual(m[1]!, secret);
}

export interface CleanupCounts {
  autoDenied: number;
  reminders: number;
  expiredInvitations: number;
  deleted: { userTokens: number; mfaCodes: number; pendingAssociations: number; sessions: number; rateLimits: number };
  mail: DispatchResult;
}

/**
 * Denies every pending access request submitted 5 or more days ago, in batches of rows locked
 * with FOR UPDATE SKIP LOCKED (two concurrent runs never take the same row, memory stays bounded).
 * Each request gets one email and one audit event in the provider's activity.
 */
export async function autoDenyExpired(svc: Services, batchSize = CLEANUP_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const now = svc.clock.now();
    const cutoff = new Date(now.getTime() - DECISION_WINDOW_MS);
    const n = await svc.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: accessRequests.id })
        .from(accessRequests)
        .where(and(eq(accessRequests.status, "pending"), lte(accessRequests.createdAt, cutoff)))
        .orderBy(accessRequests.createdAt)
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const denied = await tx
        .update(accessRequests)
        .set({ status: "denied", decidedAutomatically: "cron", decidedAt: now })
        .where(and(inArray(accessRequests.id, due.map((d) => d.id)), eq(accessRequests.status, "pending")))
        .returning({ id: accessRequests.id, providerId: accessRequests.providerId, email: accessRequests.email, firstName: accessRequests.firstName, lastName: accessRequests.lastName });
      if (denied.length === 0) return 0;
      const names = await providerNames(tx, [...new Set(denied.map((d) => d.providerId))]);
      await tx.insert(outbox).values(
        denied.map((d) => {
          const mail = deniedEmail(svc.mail, { firstName: d.firstName, providerName: names.get(d.providerId) ?? "the provider", reason: null, automatic: true });
          return { channel: "email" as const, recipient: d.email, template: mail.template, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html };
        }),
      );
      await tx.insert(auditEvents).values(
        denied.map((d) => ({ action: "access_request.auto_denied", providerId: d.providerId, details: { requestId: d.id, email: d.email }, createdAt: now })),
      );
      await notifyAll(tx, svc, denied.map((d) => ({ kind: "access_request.auto_denied" as const, providerId: d.providerId, requesterName: `${d.firstName} ${d.lastName}` })));
      return denied.length;
    });
    total += n;
    if (n === 0) break;
  }
  return total;
}

async function providerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(providers).where(inArray(providers.id, ids));
  return new Map(rows.map((p) => [p.id, providerDisplayName(p)]));
}

/** One email to the provider's administrators 24 hours before a request would be denied automatically. */
export async function sendReminders(svc: Services, batchSize = CLEANUP_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const now = svc.clock.now();
    const n = await svc.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: accessRequests.id })
        .from(accessRequests)
        .where(
          and(
            eq(accessRequests.status, "pending"),
            isNull(accessRequests.reminderSentAt),
            lte(accessRequests.createdAt, new Date(now.getTime() - (DECISION_WINDOW_MS - REMINDER_BEFORE_MS))),
            gt(accessRequests.createdAt, new Date(now.getTime() - DECISION_WINDOW_MS)),
          ),
        )
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const marked = await tx
        .update(accessRequests)
        .set({ reminderSentAt: now })
        .where(and(inArray(accessRequests.id, due.map((d) => d.id)), isNull(accessRequests.reminderSentAt)))
        .returning({ id: accessRequests.id, providerId: accessRequests.providerId, firstName: accessRequests.firstName, lastName: accessRequests.lastName });
      const providerIds = [...new Set(marked.map((m) => m.providerId))];
      const [names, admins] = await Promise.all([providerNames(tx, providerIds), activeAdmins(tx, providerIds)]);
      const rows = marked.flatMap((m) =>
        admins
          .filter((a) => a.providerId === m.providerId)
          .map((a) => {
            const mail = reminderAdminEmail(svc.mail, { requesterName: `${m.firstName} ${m.lastName}`, providerName: names.get(m.providerId) ?? "your provider" });
            return { channel: "email" as const, recipient: a.email, template: mail.template, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html };
          }),
      );
      if (rows.length) await tx.insert(outbox).values(rows);
      return marked.length;
    });
    total += n;
    if (n === 0) break;
  }
  return total;
}

/**
 * Tells each provider's Message Box once about every invitation that expired unaccepted
 * (invitations expire by time; expiry_notified_at records that the notification was written).
 */
export async function notifyExpiredInvitations(svc: Services, batchSize = CLEANUP_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const now = svc.clock.now();
    const n = await svc.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.status, "pending"), lt(invitations.expiresAt, now), isNull(invitations.expiryNotifiedAt)))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const marked = await tx
        .update(invitations)
        .set({ expiryNotifiedAt: now })
        .where(and(inArray(invitations.id, due.map((d) => d.id)), isNull(invitations.expiryNotifiedAt)))
        .returning({ providerId: invitations.providerId, firstName: invitations.firstName, lastName: invitations.lastName });
      await notifyAll(tx, svc, marked.map((m) => ({ kind: "invitation.expired" as const, providerId: m.providerId, inviteeName: `${m.firstName} ${m.lastName}` })));
      return marked.length;
    });
    total += n;
    if (n === 0) break;
  }
  return total;
}

/** Deletes matching rows in batches (ids locked with SKIP LOCKED); returns how many. */
async function deleteInBatches(db: Db, table: PgTable & { id: PgColumn }, where: SQL | undefined, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = db.select({ id: table.id }).from(table).where(where).limit(batchSize).for("update", { skipLocked: true });
    const deleted = await db.delete(table).where(inArray(table.id, ids)).returning({ id: table.id });
    total += deleted.length;
    if (deleted.length < batchSize) return total;
  }
}

/** The whole cron run: what /api/cron/cleanup does and answers. Safe to run twice, and twice at once. */
export async function runCleanup(svc: Services, transports: Transports, batchSize = CLEANUP_BATCH): Promise<CleanupCounts> {
  const autoDenied = await autoDenyExpired(svc, batchSize);
  const reminders = await sendReminders(svc, batchSize);
  await notifyExpiredInvitations(svc, batchSize);
  const now = svc.clock.now();
  const graceCutoff = new Date(now.getTime() - GRACE_MS);
  // Invitations past expires_at are expired by time (accept.ts refuses them); they are counted, not rewritten.
  const [inv] = await svc.db
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.status, "pending"), lt(invitations.expiresAt, now)));
  const deleted = {
    userTokens: await deleteInBatches(svc.db, userTokens, lt(userTokens.expiresAt, graceCutoff), batchSize),
    mfaCodes: await deleteInBatches(svc.db, mfaCodes, lt(mfaCodes.expiresAt, graceCutoff), batchSize),
    pendingAssociations: await deleteInBatches(svc.db, pendingAssociations, lt(pendingAssociations.expiresAt, now), batchSize),
    sessions: await deleteInBatches(svc.db, sessions, or(lt(sessions.expiresAt, graceCutoff), lt(sessions.revokedAt, graceCutoff)), batchSize),
    rateLimits: await purgeRateLimits(svc.db, graceCutoff),
  };
  const mail = await dispatchOutbox(svc.db, transports, svc.clock);
  return { autoDenied, reminders, expiredInvitations: Number(inv?.n ?? 0), deleted, mail };
}
