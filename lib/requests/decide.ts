import { and, desc, eq, gt, inArray, lte, ne, or, sql } from "drizzle-orm";
import { accessRequests, providers, users, type AccessRequest } from "@/db/schema";
import type { Db } from "@/db/client";
import { isUuid, type Permission, type Role } from "@/lib/access/permissions";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { fieldErrorsOf } from "@/lib/forms";
import { createInvitation } from "@/lib/invitations/create";
import { enqueueEmail } from "@/lib/mail/outbox";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { isActiveAdmin } from "@/lib/users/authz";
import { notify } from "@/lib/messages/notify";
import { deniedEmail } from "./emails";
import { autoDenyAt, DECISION_WINDOW_MS, effectiveStatus, isAutoDenied, timeLeftText, type RequestStatus } from "./policy";
import { approveSchema, denySchema } from "./schemas";

export const ALREADY_DECIDED = "This request was already decided.";
export const WINDOW_PASSED = "The 5 days to decide this request have passed, so it was denied automatically.";

export type DecideResult =
  | { ok: true }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "already_decided"; message: string };

/**
 * Why a conditional update touched nothing: the request is not this provider's, another decision
 * came first, or its 5 days ran out (denied by the cron route, or about to be): each says so.
 */
async function whyNotDecided(db: Db, providerId: string, requestId: string, now: Date): Promise<DecideResult> {
  const [r] = await db
    .select({ status: accessRequests.status, createdAt: accessRequests.createdAt, decidedAutomatically: accessRequests.decidedAutomatically })
    .from(accessRequests)
    .where(and(eq(accessRequests.id, requestId), eq(accessRequests.providerId, providerId)));
  if (!r) return { ok: false, reason: "not_found" };
  return { ok: false, reason: "already_decided", message: isAutoDenied(r, now) ? WINDOW_PASSED : ALREADY_DECIDED };
}

/**
 * The one conditional UPDATE every decision goes through: only a pending request of this provider
 * submitted less than 5 days ago changes, so of two deciders racing exactly one wins.
 */
function stillOpen(providerId: string, requestId: string, now: Date) {
  return and(
    eq(accessRequests.id, requestId),
    eq(accessRequests.providerId, providerId),
    eq(accessRequests.status, "pending"),
    gt(accessRequests.createdAt, new Date(now.getTime() - DECISION_WINDOW_MS)),
  );
}

async function guard(svc: Services, adminUserId: string, providerId: string, requestId: string): Promise<DecideResult | null> {
  if (!isUuid(adminUserId) || !isUuid(providerId)) return { ok: false, reason: "forbidden" };
  if (!(await isActiveAdmin(svc.db, adminUserId, providerId))) return { ok: false, reason: "forbidden" };
  if (!isUuid(requestId)) return { ok: false, reason: "not_found" };
  return null;
}

/** Approve: records the role and permissions and emails the requester an invitation link, in one transaction. */
export async function approveRequest(svc: Services, adminUserId: string, providerId: string, requestId: string, input: unknown, ctx: RequestContext): Promise<DecideResult> {
  const refused = await guard(svc, adminUserId, providerId, requestId);
  if (refused) return refused;
  const parsed = approveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const role: Role = parsed.data.role;
  const permissions: Permission[] = role === "admin" ? [] : [...new Set(parsed.data.permissions)];
  const now = svc.clock.now();

  return svc.db.transaction(async (tx): Promise<DecideResult> => {
    const [decided] = await tx
      .update(accessRequests)
      .set({ status: "approved", decidedByUserId: adminUserId, decidedAt: now, grantedRole: role, grantedPermissions: permissions })
      .where(stillOpen(providerId, requestId, now))
      .returning();
    if (!decided) return whyNotDecided(tx, providerId, requestId, now);
    const [provider] = await tx.select().from(providers).where(eq(providers.id, providerId));
    const { invitation } = await createInvitation(svc, tx, {
      providerId,
      providerName: providerDisplayName(provider!),
      email: decided.email,
      firstName: decided.firstName,
      lastName: decided.lastName,
      role,
      permissions,
      invitedByUserId: adminUserId,
      accessRequestId: decided.id,
    });
    await notify(tx, svc, { kind: "access_request.approved", providerId, requesterName: `${decided.firstName} ${decided.lastName}`, actorUserId: adminUserId });
    await recordAudit(
      tx,
      ctx,
      { action: "access_request.approved", actorUserId: adminUserId, providerId, details: { requestId, email: decided.email, role, permissions, invitationId: invitation.id } },
      now,
    );
    return { ok: true };
  });
}

/** Deny, with an optional reason that the requester's email repeats. */
export async function denyRequest(svc: Services, adminUserId: string, providerId: string, requestId: string, input: unknown, ctx: RequestContext): Promise<DecideResult> {
  const refused = await guard(svc, adminUserId, providerId, requestId);
  if (refused) return refused;
  const parsed = denySchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const reason = parsed.data.reason || null;
  const now = svc.clock.now();

  return svc.db.transaction(async (tx): Promise<DecideResult> => {
    const [decided] = await tx
      .update(accessRequests)
      .set({ status: "denied", decidedByUserId: adminUserId, decidedAt: now, denialReason: reason })
      .where(stillOpen(providerId, requestId, now))
      .returning();
    if (!decided) return whyNotDecided(tx, providerId, requestId, now);
    const [provider] = await tx.select().from(providers).where(eq(providers.id, providerId));
    await enqueueEmail(tx, { to: decided.email, ...deniedEmail(svc.mail, { firstName: decided.firstName, providerName: providerDisplayName(provider!), reason, automatic: false }) });
    await notify(tx, svc, { kind: "access_request.denied", providerId, requesterName: `${decided.firstName} ${decided.lastName}`, actorUserId: adminUserId });
    await recordAudit(tx, ctx, { action: "access_request.denied", actorUserId: adminUserId, providerId, details: { requestId, email: decided.email, reason } }, now);
    return { ok: true };
  });
}

export interface RequestView {
  id: string;
  program: string;
  state: string | null;
  firstName: string;
  lastName: string;
  positionTitle: string;
  email: string;
  phone: string;
  phoneExtension: string | null;
  reason: string;
  createdAt: Date;
  /** After the 5-day rule. */
  status: RequestStatus;
  autoDenied: boolean;
  /** Pending only: "auto-denies in 2 days". */
  timeLeft: string | null;
  autoDenyAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  denialReason: string | null;
  grantedRole: Role | null;
  grantedPermissions: string[];
}

export const HISTORY_LIMIT = 200;

function view(r: AccessRequest & { decidedByName: string | null }, now: Date): RequestView {
  const status = effectiveStatus(r, now);
  const autoDenied = isAutoDenied(r, now);
  return {
    id: r.id,
    program: r.program,
    state: r.state,
    firstName: r.firstName,
    lastName: r.lastName,
    positionTitle: r.positionTitle,
    email: r.email,
    phone: r.phone,
    phoneExtension: r.phoneExtension,
    reason: r.reason,
    createdAt: r.createdAt,
    status,
    autoDenied,
    timeLeft: status === "pending" ? timeLeftText(r.createdAt, now) : null,
    autoDenyAt: autoDenyAt(r.createdAt),
    decidedAt: r.decidedAt ?? (autoDenied ? autoDenyAt(r.createdAt) : null),
    decidedByName: r.decidedByName,
    denialReason: r.denialReason,
    grantedRole: r.grantedRole,
    grantedPermissions: r.grantedPermissions ?? [],
  };
}

/**
 * The Access Requests tab: pending requests (oldest first, with time left) and the history of
 * decided and auto-denied ones (newest first). Null unless the caller is an active administrator.
 */
export async function listRequestsForProvider(svc: Services, adminUserId: string, providerId: string): Promise<{ pending: RequestView[]; history: RequestView[] } | null> {
  if (!isUuid(adminUserId) || !isUuid(providerId) || !(await isActiveAdmin(svc.db, adminUserId, providerId))) return null;
  const now = svc.clock.now();
  const cutoff = new Date(now.getTime() - DECISION_WINDOW_MS);
  const columns = { ...tableColumns(), decidedByName: sql<string | null>`nullif(trim(coalesce(${users.firstName}, '') || ' ' || coalesce(${users.lastName}, '')), '')` };
  const pendingRows = await svc.db
    .select(columns)
    .from(accessRequests)
    .leftJoin(users, eq(users.id, accessRequests.decidedByUserId))
    .where(and(eq(accessRequests.providerId, providerId), eq(accessRequests.status, "pending"), gt(accessRequests.createdAt, cutoff)))
    .orderBy(accessRequests.createdAt);
  const historyRows = await svc.db
    .select(columns)
    .from(accessRequests)
    .leftJoin(users, eq(users.id, accessRequests.decidedByUserId))
    .where(
      and(
        eq(accessRequests.providerId, providerId),
        or(ne(accessRequests.status, "pending"), and(eq(accessRequests.status, "pending"), lte(accessRequests.createdAt, cutoff))),
      ),
    )
    .orderBy(desc(accessRequests.createdAt))
    .limit(HISTORY_LIMIT);
  return { pending: pendingRows.map((r) => view(r, now)), history: historyRows.map((r) => view(r, now)) };
}

function tableColumns() {
  const t = accessRequests;
  return {
    id: t.id, providerId: t.providerId, program: t.program, state: t.state, firstName: t.firstName, lastName: t.lastName, positionTitle: t.positionTitle,
    email: t.email, phone: t.phone, phoneExtension: t.phoneExtension, reason: t.reason, status: t.status, decidedByUserId: t.decidedByUserId,
    decidedAutomatically: t.decidedAutomatically, decidedAt: t.decidedAt, denialReason: t.denialReason, grantedRole: t.grantedRole,
    grantedPermissions: t.grantedPermissions, reminderSentAt: t.reminderSentAt, ip: t.ip, createdAt: t.createdAt,
  };
}

/** For tests and the cron route: requests by id. */
export async function requestsByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(accessRequests).where(inArray(accessRequests.id, ids)) : [];
}
