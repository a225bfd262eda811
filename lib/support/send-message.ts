import { fieldErrorsOf } from "@/lib/forms";
import type { RequestContext } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import { hitRateLimits } from "@/lib/rate-limit";
import type { Services } from "@/lib/services";
import { supportMessageEmail } from "./emails";
import { SUPPORT_RATE } from "./policy";
import { supportMessageSchema } from "./schemas";

export type SupportMessageResult =
  | { ok: true }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; rateLimited: true; retryAfterMs: number };

/**
 * Send Message (public, from the sign-in page): queues one email to the support desk. Limited
 * per address and per sender email; the message never goes anywhere else, and the sender gets
 * no copy (that would let anyone send mail to any address through the portal).
 */
export async function sendSupportMessage(svc: Services, input: unknown, ctx: RequestContext): Promise<SupportMessageResult> {
  const parsed = supportMessageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const m = parsed.data;
  // Honeypot filled: a bot. Answer as if it worked and do nothing.
  if (m.website) return { ok: true };
  const limit = await hitRateLimits(svc.db, [[SUPPORT_RATE.ip, ctx.ip ?? "unknown"], [SUPPORT_RATE.email, m.email]], svc.clock);
  if (!limit.allowed) return { ok: false, rateLimited: true, retryAfterMs: limit.retryAfterMs };
  await enqueueEmail(svc.db, { to: svc.mail.supportEmail, ...supportMessageEmail(svc.mail, m) });
  return { ok: true };
}
