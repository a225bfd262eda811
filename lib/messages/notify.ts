import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerMemberships, users } from "@/db/schema";
import { holds, permissionLabel, roleLabel, type Role } from "@/lib/access/permissions";
import type { Services } from "@/lib/services";
import { startThreads } from "./deliver";
import { queueNotices } from "./notice";

/**
 * What happened to a provider, as the portal tells its Message Box. Names of people who have an
 * account are read by id inside the transaction; requesters and invitees are named by the caller.
 */
export type NotificationEvent = { providerId: string } & (
  | { kind: "access_request.received"; requesterName: string }
  | { kind: "access_request.approved"; requesterName: string; actorUserId: string }
  | { kind: "access_request.denied"; requesterName: string; actorUserId: string }
  | { kind: "access_request.auto_denied"; requesterName: string }
  | { kind: "invitation.sent"; inviteeName: string; actorUserId: string }
  | { kind: "invitation.accepted"; subjectUserId: string }
  | { kind: "invitation.expired"; inviteeName: string }
  | { kind: "users.revoked" | "users.restored" | "users.made_admin"; subjectUserId: string; actorUserId: string }
  | { kind: "users.role_changed"; subjectUserId: string; actorUserId: string; role: Role; permissions: readonly string[] }
  | { kind: "provider.linked"; subjectUserId: string; role: Role }
  | { kind: "provider.agreement_accepted"; subjectUserId: string; agreementVersion: number }
);

type Names = (id: string | undefined) => string;

/** The notification's subject and text for each event. */
export function notificationText(e: NotificationEvent, name: Names, portalName: string): { subject: string; body: string } {
  switch (e.kind) {
    case "access_request.received":
      return { subject: `New access request from ${e.requesterName}`, body: `${e.requesterName} asked for access. Approve or deny it under Users → Manage Users → Access Requests within 5 days; after that it is denied automatically.` };
    case "access_request.approved":
      return { subject: `Access request from ${e.requesterName} approved`, body: `${name(e.actorUserId)} approved the access request from ${e.requesterName}. An invitation was emailed to them.` };
    case "access_request.denied":
      return { subject: `Access request from ${e.requesterName} denied`, body: `${name(e.actorUserId)} denied the access request from ${e.requesterName}.` };
    case "access_request.auto_denied":
      return { subject: `Access request from ${e.requesterName} denied automatically`, body: `Nobody decided the access request from ${e.requesterName} within 5 days, so the ${portalName} denied it.` };
    case "invitation.sent":
      return { subject: `Invitation sent to ${e.inviteeName}`, body: `${name(e.actorUserId)} invited ${e.inviteeName}. The invitation link works for 7 days.` };
    case "invitation.accepted":
      return { subject: `${name(e.subjectUserId)} accepted an invitation`, body: `${name(e.subjectUserId)} accepted the invitation and the Provider Agreement, and can now use the ${portalName} for this provider.` };
    case "invitation.expired":
      return { subject: `Invitation to ${e.inviteeName} expired`, body: `The invitation to ${e.inviteeName} expired before it was accepted. Invite them again from Manage Users if they still need access.` };
    case "users.revoked":
      return { subject: `${name(e.subjectUserId)}'s access was revoked`, body: `${name(e.actorUserId)} revoked ${name(e.subjectUserId)}'s access to this provider.` };
    case "users.restored":
      return { subject: `${name(e.subjectUserId)}'s access was restored`, body: `${name(e.actorUserId)} restored ${name(e.subjectUserId)}'s access to this provider.` };
    case "users.made_admin":
      return { subject: `${name(e.subjectUserId)} is now an Administrator`, body: `${name(e.actorUserId)} made ${name(e.subjectUserId)} an Administrator of this provider.` };
    case "users.role_changed": {
      const held = e.role === "admin" ? "every permission" : e.permissions.map((p) => permissionLabel(p)).filter(Boolean).join(", ") || "no permissions";
      return { subject: `${name(e.subjectUserId)}'s role or permissions changed`, body: `${name(e.actorUserId)} changed ${name(e.subjectUserId)}'s role to ${roleLabel(e.role)}, with ${held}.` };
    }
    case "provider.linked":
      return { subject: `${name(e.subjectUserId)} linked their account`, body: `${name(e.subjectUserId)} linked their account to this provider as ${roleLabel(e.role)}.` };
    case "provider.agreement_accepted":
      return { subject: `${name(e.subjectUserId)} accepted the Provider Agreement`, body: `${name(e.subjectUserId)} accepted the Provider Agreement (version ${e.agreementVersion}) for this provider.` };
  }
}

/**
 * Writes the notification for an event into the Message Box of the provider's active
 * administrators (and of the person it is about, while they are an active member), with the
 * external notice for those who hold Message Box. Pass the transaction that makes the change: the
 * notification exists if and only if the change commits.
 */
export async function notify(tx: Db, svc: Pick<Services, "clock" | "mail">, e: NotificationEvent): Promise<void> {
  await notifyAll(tx, svc, [e]);
}

/** notify for a batch of events (the cron run): the same rows, in a fixed number of statements. */
export async function notifyAll(tx: Db, svc: Pick<Services, "clock" | "mail">, events: readonly NotificationEvent[]): Promise<void> {
  if (events.length === 0) return;
  const providerIds = [...new Set(events.map((e) => e.providerId))];
  const members = await tx
    .select({ providerId: providerMemberships.providerId, userId: providerMemberships.userId, role: providerMemberships.role, permissions: providerMemberships.permissions, status: providerMemberships.status })
    .from(providerMemberships)
    .where(and(inArray(providerMemberships.providerId, providerIds), eq(providerMemberships.status, "active")));
  const subjectOf = (e: NotificationEvent) => ("subjectUserId" in e ? e.subjectUserId : undefined);
  const actorOf = (e: NotificationEvent) => ("actorUserId" in e ? e.actorUserId : undefined);
  const ids = [...new Set(events.flatMap((e) => [subjectOf(e), actorOf(e)]).filter((x): x is string => !!x))];
  const people = ids.length ? await tx.select({ id: users.id, firstName: users.firstName, lastName: users.lastName }).from(users).where(inArray(users.id, ids)) : [];
  const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const name = (id: string | undefined) => (id && names.get(id)) || "A former member";
  const now = svc.clock.now();

  const noticeTo = new Set<string>();
  const threads = events.flatMap((e) => {
    const recipients = members.filter((m) => m.providerId === e.providerId && (m.role === "admin" || m.userId === subjectOf(e)));
    if (recipients.length === 0) return [];
    for (const r of recipients) if (holds(r, "message_box")) noticeTo.add(r.userId);
    const { subject, body } = notificationText(e, name, svc.mail.portalName);
    return [{ providerId: e.providerId, subject, notificationKind: e.kind, senderUserId: null, senderName: svc.mail.portalName, body, recipientIds: recipients.map((r) => r.userId), at: now }];
  });
  await startThreads(tx, threads);
  await queueNotices(tx, svc, [...noticeTo]);
}
