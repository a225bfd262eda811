import { and, count, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { accessRequests, invitations, mfaCodes, outbox, pendingAssociations, providers, sessions, userTokens } from "@/db/schema";
import { safeEqual } from "@/lib/auth/tokens";
import { DAY } from "@/lib/clock";
import { dispatchOutbox, type DispatchResult } from "@/lib/mail/dispatcher";
import { sqlEmail, sqlText } from "@/lib/mail/sql-template";
import type { Transports } from "@/lib/mail/transports";
import { purgeRateLimits } from "@/lib/rate-limit";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { queueNotices } from "@/lib/messages/notice";
import { notificationText, notifyAll } from "@/lib/messages/notify";
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

export const AUTO_DENY_BATCH = 5000;
const NOTIFICATION_KIND = "access_request.auto_denied" as const;

/** A provider's display name in SQL, as lib/registry/rows.ts `providerDisplayName` builds it. */
const providerNameSql = sql`coalesce(p.group_name, trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), 'the provider')`;

/**
 * Denies every pending access request submitted 5 or more days ago. Each batch is one statement:
 * it locks up to `batchSize` due rows with FOR UPDATE SKIP LOCKED (two concurrent runs never take
 * the same row), denies them, queues each requester's email (rendered in SQL, see
 * lib/mail/sql-template.ts), writes each audit event and the Message Box notification notifyAll
 * would write (a thread, its message and each active administrator's copy), all in that
 * statement's transaction, then queues the administrators' notice emails. Nothing per request
 * comes back to Node, so memory stays flat however many requests expired. The
 * update takes its rows by primary key (`= any(array(...))`): a join to the CTE can turn into a
 * scan of every request per batch when the table's statistics are stale.
 */
export async function autoDenyExpired(svc: Services, batchSize = AUTO_DENY_BATCH): Promise<number> {
  const mail = sqlEmail({ firstName: sql`d.first_name`, providerName: providerNameSql }, (f) =>
    deniedEmail(svc.mail, { firstName: f.firstName, providerName: f.providerName, reason: null, automatic: true }),
  );
  const template = deniedEmail(svc.mail, { firstName: "", providerName: "", reason: null, automatic: true }).template;
  // The Message Box notification notifyAll would write for this event, rendered in SQL from the row.
  const note = sqlText({ requesterName: sql`(n.first_name || ' ' || n.last_name)` }, (f) =>
    notificationText({ kind: NOTIFICATION_KIND, providerId: "", requesterName: f.requesterName }, () => "", svc.mail.portalName),
  );
  let total = 0;
  for (;;) {
    const now = svc.clock.now();
    const cutoff = new Date(now.getTime() - DECISION_WINDOW_MS);
    const n = await svc.db.transaction(async (tx) => {
      const [row] = rowsOf<{ n: number; notice_to: string[] | null }>(
        await tx.execute(sql`
          with due as (
            select id from access_requests
            where status = 'pending' and created_at <= ${cutoff.toISOString()}::timestamptz
            order by created_at
            limit ${batchSize}
            for update skip locked
          ), denied as (
            update access_requests r
            set status = 'denied', decided_automatically = 'cron', decided_at = ${now.toISOString()}::timestamptz
            where r.id = any(array(select id from due)) and r.status = 'pending'
            returning r.id, r.provider_id, r.email, r.first_name, r.last_name
          ), mailed as (
            insert into outbox (channel, recipient, template, subject, body_text, body_html)
            select 'email', d.email, ${template}, ${mail.subject}, ${mail.text}, ${mail.html}
            from denied d left join providers p on p.id = d.provider_id
          ), audited as (
            insert into audit_events (action, provider_id, details, created_at)
            select 'access_request.auto_denied', d.provider_id, jsonb_build_object('requestId', d.id, 'email', d.email), ${now.toISOString()}::timestamptz
            from denied d
          ), admins as (
            select m.provider_id, m.user_id from provider_memberships m
            where m.role = 'admin' and m.status = 'active' and m.provider_id in (select provider_id from denied)
          ), notified as (
            select gen_random_uuid() as thread_id, d.provider_id, d.first_name, d.last_name from denied d
            where exists (select 1 from admins a where a.provider_id = d.provider_id)
          ), threads as (
            insert into message_threads (id, provider_id, subject, is_notification, kind, created_at)
            select n.thread_id, n.provider_id, ${note.subject}, true, ${NOTIFICATION_KIND}, ${now.toISOString()}::timestamptz from notified n
          ), posted as (
            insert into messages (thread_id, sender_user_id, sender_name, body, created_at)
            -- (the foreign keys to message_threads are checked when the whole statement has run)
            select n.thread_id, null, ${svc.mail.portalName}, ${note.body}, ${now.toISOString()}::timestamptz from notified n
          ), copies as (
            insert into message_participants (thread_id, user_id, provider_id, last_message_at, last_sender_name, unread_count)
            select n.thread_id, a.user_id, n.provider_id, ${now.toISOString()}::timestamptz, ${svc.mail.portalName}, 1
            from notified n join admins a on a.provider_id = n.provider_id
          )
          select (select count(*)::int from denied) as n, (select array_agg(distinct a.user_id)::text[] from admins a) as notice_to`),
      );
      // The Message Box notice emails: one per administrator at most (a handful of ids per batch).
      await queueNotices(tx, svc, row?.notice_to ?? []);
      return Number(row?.n ?? 0);
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
export async function runCleanup(svc: Services, transports: Transports, batchSizeOverride?: number): Promise<CleanupCounts> {
  const autoDenied = await autoDenyExpired(svc, batchSizeOverride ?? AUTO_DENY_BATCH);
  const batchSize = batchSizeOverride ?? CLEANUP_BATCH;
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
