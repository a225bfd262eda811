import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

/** Where a request came from; recorded beside each audit event. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export const NO_REQUEST: RequestContext = { ip: null, userAgent: null };

export interface AuditEntry {
  action: string;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  providerId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one audit event, inside the caller's transaction when one is passed. */
export async function recordAudit(db: Db, ctx: RequestContext, entry: AuditEntry, at?: Date): Promise<void> {
  await db.insert(auditEvents).values({
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    subjectUserId: entry.subjectUserId ?? null,
    providerId: entry.providerId ?? null,
    details: entry.details ?? {},
    ip: ctx.ip?.slice(0, 64) ?? null,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    ...(at ? { createdAt: at } : {}),
  });
}
