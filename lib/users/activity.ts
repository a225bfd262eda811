import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditEvents, users } from "@/db/schema";
import { permissionLabel, roleLabel, type Role } from "@/lib/access/permissions";
import type { Services } from "@/lib/services";
import { isActiveAdmin } from "./authz";

export const ACTIVITY_LIMIT = 100;

export interface ActivityEvent {
  id: string;
  at: Date;
  actor: string | null;
  subject: string | null;
  action: string;
  summary: string;
}

type Details = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const role = (v: unknown) => (v === "admin" || v === "user" ? roleLabel(v as Role) : "");
const perms = (v: unknown) =>
  Array.isArray(v) && v.length ? v.map((p) => permissionLabel(String(p)) ?? String(p)).join(", ") : "no permissions";

/** A sentence for each kind of event; unknown kinds show their name. */
export function describeEvent(action: string, d: Details): string {
  const to = (d.to ?? {}) as Details;
  const from = (d.from ?? {}) as Details;
  switch (action) {
    case "users.role_changed":
      return `changed role from ${role(from.role)} to ${role(to.role)}${to.role === "user" ? ` with ${perms(to.permissions)}` : ""}`;
    case "users.made_admin":
      return "made administrator";
    case "users.revoked":
      return "revoked access";
    case "users.restored":
      return "restored access";
    case "users.change.refused":
      return `refused ${str(d.attempted).replace("users.", "").replace("_", " ")}${d.reason === "last_admin" ? " (last administrator)" : ""}`;
    case "invitation.sent":
      return `invited ${str(d.name)} <${str(d.email)}> as ${role(d.role)}`;
    case "invitation.resent":
      return `resent the invitation to ${str(d.email)}`;
    case "invitation.cancelled":
      return `cancelled the invitation to ${str(d.email)}`;
    case "invitation.accepted":
      return `accepted an invitation as ${role(d.role)}`;
    case "invitation.accept.refused":
      return `invitation acceptance refused (${str(d.reason).replace("_", " ")})`;
    case "provider.agreement.accepted":
      return "accepted the Provider Agreement";
    case "provider.linked":
      return `linked to the provider as ${role(d.role)}`;
    case "provider.switched":
      return "switched to this provider";
    case "provider.association.attempt":
      return `tried to associate with this provider (${str(d.outcome).replaceAll("_", " ") || "attempt"})`;
    case "access_request.submitted":
      return `access request received from ${str(d.email)}`;
    case "access_request.duplicate":
      return "a repeated access request was received and not stored again";
    case "access_request.approved":
      return `approved the access request from ${str(d.email)} as ${role(d.role)}${d.role === "user" ? ` with ${perms(d.permissions)}` : ""}`;
    case "access_request.denied":
      return `denied the access request from ${str(d.email)}${str(d.reason) ? `: ${str(d.reason)}` : ""}`;
    case "access_request.auto_denied":
      return `denied the access request from ${str(d.email)} automatically after 5 days`;
    default:
      return action;
  }
}

/** The provider's audit events, newest first, at most 100, with the actor's and subject's names. */
export async function listActivity(svc: Services, actorId: string, providerId: string): Promise<{ ok: true; events: ActivityEvent[] } | { ok: false; reason: "forbidden" }> {
  if (!(await isActiveAdmin(svc.db, actorId, providerId))) return { ok: false, reason: "forbidden" };
  const actor = alias(users, "actor");
  const subject = alias(users, "subject");
  const rows = await svc.db
    .select({
      e: auditEvents,
      actor: { firstName: actor.firstName, lastName: actor.lastName, email: actor.email },
      subject: { firstName: subject.firstName, lastName: subject.lastName, email: subject.email },
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(subject, eq(subject.id, auditEvents.subjectUserId))
    .where(eq(auditEvents.providerId, providerId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(ACTIVITY_LIMIT);
  const name = (u: { firstName: string; lastName: string; email: string } | null) => (u ? `${u.firstName} ${u.lastName} (${u.email})` : null);
  return {
    ok: true,
    events: rows.map((r) => ({ id: r.e.id, at: r.e.createdAt, actor: name(r.actor), subject: name(r.subject), action: r.e.action, summary: describeEvent(r.e.action, r.e.details) })),
  };
}
