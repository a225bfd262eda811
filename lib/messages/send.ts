import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageParticipants, messageThreads, users } from "@/db/schema";
import { can } from "@/lib/access/permissions";
import { fieldErrorsOf } from "@/lib/forms";
import type { Services } from "@/lib/services";
import { addressableMembers, unaddressable } from "./addressing";
import { appendMessage, startThread } from "./deliver";
import { queueNotices } from "./notice";
import { composeSchema, replySchema } from "./schemas";

export type SendResult =
  | { ok: true; threadId: string }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  /** The writer does not hold Message Box for this provider (or is not its active member). */
  | { ok: false; reason: "forbidden" }
  /** No such thread in this person's Message Box of this provider, or one that takes no reply. */
  | { ok: false; reason: "not_found" };

async function senderName(db: Db, userId: string): Promise<string> {
  const [u] = await db.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, userId));
  return u ? `${u.firstName} ${u.lastName}` : "A former member";
}

/**
 * Compose: to members of the provider chosen by id from the picker. Any id that is not an
 * addressable member of THIS provider (another provider's member, a revoked one, one without
 * Message Box) refuses the whole message, without saying who it was.
 */
export async function composeMessage(svc: Services, writerId: string, providerId: string, input: unknown): Promise<SendResult> {
  const parsed = composeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { to, subject, body } = parsed.data;
  const now = svc.clock.now();
  return svc.db.transaction(async (tx): Promise<SendResult> => {
    if (!(await can(tx, writerId, providerId, "message_box"))) return { ok: false, reason: "forbidden" };
    const allowed = await addressableMembers(tx, providerId, writerId, to);
    if (unaddressable(to, allowed).length > 0) return { ok: false, reason: "invalid", fieldErrors: { to: "Choose recipients from the list of this provider's members" } };
    const threadId = await startThread(tx, { providerId, subject, notificationKind: null, senderUserId: writerId, senderName: await senderName(tx, writerId), body, recipientIds: to, at: now });
    await queueNotices(tx, svc, to);
    return { ok: true, threadId };
  });
}

/** Reply to a member thread the writer takes part in; it reaches every other participant. */
export async function replyToThread(svc: Services, writerId: string, providerId: string, input: unknown): Promise<SendResult> {
  const parsed = replySchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { threadId, body } = parsed.data;
  const now = svc.clock.now();
  return svc.db.transaction(async (tx): Promise<SendResult> => {
    if (!(await can(tx, writerId, providerId, "message_box"))) return { ok: false, reason: "forbidden" };
    const [mine] = await tx
      .select({ isNotification: messageThreads.isNotification })
      .from(messageParticipants)
      .innerJoin(messageThreads, eq(messageThreads.id, messageParticipants.threadId))
      .where(and(eq(messageParticipants.threadId, threadId), eq(messageParticipants.userId, writerId), eq(messageParticipants.providerId, providerId), eq(messageThreads.providerId, providerId)))
      .for("update", { of: messageThreads });
    if (!mine || mine.isNotification) return { ok: false, reason: "not_found" };
    const others = await appendMessage(tx, { threadId, senderUserId: writerId, senderName: await senderName(tx, writerId), body, at: now });
    // Revoked participants keep their copy but are not told: they no longer have this Message Box.
    const reachable = await addressableMembers(tx, providerId, writerId, others);
    await queueNotices(tx, svc, reachable.map((r) => r.userId));
    return { ok: true, threadId };
  });
}
