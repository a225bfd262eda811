import { and, eq, gt, sql } from "drizzle-orm";
import { accessRequests, type Provider } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { fieldErrorsOf } from "@/lib/forms";
import { enqueueEmail } from "@/lib/mail/outbox";
import { hitRateLimits } from "@/lib/rate-limit";
import { isUuid } from "@/lib/access/permissions";
import { providerDisplayName } from "@/lib/registry/rows";
import type { Services } from "@/lib/services";
import { notify } from "@/lib/messages/notify";
import { activeAdmins, registeredProviderById, registeredProvidersByName, registeredProvidersByNpi } from "./directory";
import { newRequestAdminEmail, requestReceivedEmail } from "./emails";
import { DECISION_WINDOW_MS, REQUEST_RATE } from "./policy";
import { accessRequestSchema } from "./schemas";

export type SubmitResult =
  | { ok: true }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; rateLimited: true; retryAfterMs: number };

const NOT_REGISTERED = "No provider registered in the web portal matches. Use the search to find it.";

async function resolveProvider(svc: Services, v: { npi: string; providerId: string; providerName: string }): Promise<Provider | { field: string; message: string }> {
  if (v.providerId) {
    const p = isUuid(v.providerId) ? await registeredProviderById(svc.db, v.providerId) : null;
    return p ?? { field: "npi", message: "That provider cannot receive requests. Search again." };
  }
  if (v.npi) {
    const found = await registeredProvidersByNpi(svc.db, v.npi);
    if (found.length === 1) return found[0]!;
    if (found.length === 0) return { field: "npi", message: NOT_REGISTERED };
    return { field: "npi", message: "Several registered providers share this NPI. Use the search to choose one." };
  }
  const found = await registeredProvidersByName(svc.db, v.providerName);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) return { field: "providerName", message: NOT_REGISTERED };
  return { field: "providerName", message: "Several registered providers have this name. Use the search to choose one." };
}

/**
 * Request Access for New User (public). The provider must have an active administrator. A second
 * identical pending request (same email and provider) is not stored or emailed again, yet the
 * answer is the same, so the form tells nothing either way.
 */
export async function submitAccessRequest(svc: Services, input: unknown, ctx: RequestContext): Promise<SubmitResult> {
  const parsed = accessRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const v = parsed.data;
  // Honeypot filled: a bot. Answer as if it worked and do nothing.
  if (v.website) return { ok: true };

  const limit = await hitRateLimits(
    svc.db,
    [
      [REQUEST_RATE.ip, ctx.ip ?? "unknown"],
      [REQUEST_RATE.email, v.email],
    ],
    svc.clock,
  );
  if (!limit.allowed) return { ok: false, rateLimited: true, retryAfterMs: limit.retryAfterMs };

  const provider = await resolveProvider(svc, v);
  if ("field" in provider) return { ok: false, fieldErrors: { [provider.field]: provider.message } };
  const providerName = providerDisplayName(provider);
  const now = svc.clock.now();

  await svc.db.transaction(async (tx) => {
    // Serializes identical submissions, so two at once still make one request.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`access-request|${v.email}|${provider.id}`}))`);
    const [existing] = await tx
      .select({ id: accessRequests.id })
      .from(accessRequests)
      .where(
        and(
          eq(accessRequests.email, v.email),
          eq(accessRequests.providerId, provider.id),
          eq(accessRequests.status, "pending"),
          gt(accessRequests.createdAt, new Date(now.getTime() - DECISION_WINDOW_MS)),
        ),
      )
      .limit(1);
    if (existing) {
      await recordAudit(tx, ctx, { action: "access_request.duplicate", providerId: provider.id, details: { requestId: existing.id } }, now);
      return;
    }
    const [row] = await tx
      .insert(accessRequests)
      .values({
        providerId: provider.id,
        program: v.program,
        state: v.state || null,
        firstName: v.firstName,
        lastName: v.lastName,
        positionTitle: v.positionTitle,
        email: v.email,
        phone: `${v.phoneArea}-${v.phonePrefix}-${v.phoneLine}`,
        phoneExtension: v.phoneExtension || null,
        reason: v.reason,
        ip: ctx.ip,
        createdAt: now,
      })
      .returning({ id: accessRequests.id });
    await enqueueEmail(tx, { to: v.email, ...requestReceivedEmail(svc.mail, { firstName: v.firstName, providerName }) });
    for (const admin of await activeAdmins(tx, [provider.id])) {
      await enqueueEmail(tx, { to: admin.email, ...newRequestAdminEmail(svc.mail, { requesterName: `${v.firstName} ${v.lastName}`, providerName }) });
    }
    await notify(tx, svc, { kind: "access_request.received", providerId: provider.id, requesterName: `${v.firstName} ${v.lastName}` });
    await recordAudit(tx, ctx, { action: "access_request.submitted", providerId: provider.id, details: { requestId: row!.id, email: v.email } }, now);
  });
  return { ok: true };
}
