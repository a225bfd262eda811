import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { sqlTimestamp } from "@/lib/clock";
import { enqueueEmail } from "@/lib/mail/outbox";
import { hashToken } from "@/lib/auth/tokens";
import { effectiveRule } from "@/lib/rate-limit";
import type { Services } from "@/lib/services";
import { lockedEmail } from "./emails";
import { lockIfThresholdReached } from "./lockout";
import { hashSecret, needsRehash, verifyAgainstDummy, verifySecret } from "./password";
import { LOCKOUT_MS, LOCKOUT_THRESHOLD, RATE, SESSION_ABSOLUTE_MS } from "./policy";
import { signInSchema } from "./schemas";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; mfaPassed: boolean }
  /** `remaining`: wrong passwords left before the 24-hour lock (the same for unknown emails). */
  | { ok: false; code: "invalid"; remaining: number }
  | { ok: false; code: "locked" | "not_activated" }
  | { ok: false; code: "rate_limited"; retryAfterMs: number };

interface Reservation {
  account_hits: number;
  ip_failures: number;
  failed_count: number | null;
  was_locked: boolean;
  user_id: string | null;
  password_hash: string | null;
  activated_at: string | Date | null;
  first_name: string | null;
}

const windowStartOf = (nowMs: number, windowMs: number) => new Date(Math.floor(nowMs / windowMs) * windowMs);

/**
 * Checks email and password and opens a server-side session, in two statements around argon2.
 *
 * Before argon2, one statement counts the attempt against the per-email limit, reserves a
 * failure against the per-address limit and the email's lockout count, and reads the user. The
 * reservation is what makes "5 wrong passwords lock the account" exact under any concurrency:
 * the sixth attempt of a parallel burst is refused before its password is looked at. A right
 * password then clears the count and gives the address its failure back, so successful sign-ins
 * never use up a shared (NAT) address's allowance.
 *
 * Unknown emails cost the same argon2 work and lock the same way, so no answer reveals whether an
 * account exists.
 */
export async function signIn(svc: Services, input: unknown, ctx: RequestContext, device: { trustedDeviceToken?: string } = {}): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", remaining: LOCKOUT_THRESHOLD };
  const { email, password } = parsed.data;
  const { db, clock } = svc;
  const now = clock.now();
  const accountRule = effectiveRule(RATE.signInAccount);
  const ipRule = effectiveRule(RATE.signInFailuresIp);
  const ipKey = ctx.ip ?? "unknown";
  const accountWindow = windowStartOf(now.getTime(), accountRule.windowMs);
  const ipWindow = windowStartOf(now.getTime(), ipRule.windowMs);
  const ts = sqlTimestamp(now);

  const [r] = rowsOf<Reservation>(
    await db.execute(sql`
      with account as (
        insert into rate_limits (bucket, key, window_start, count) values (${accountRule.bucket}, ${email}, ${sqlTimestamp(accountWindow)}::timestamptz, 1)
        on conflict (bucket, key, window_start) do update set count = rate_limits.count + 1
        returning count),
      ip as (
        insert into rate_limits (bucket, key, window_start, count) values (${ipRule.bucket}, ${ipKey}, ${sqlTimestamp(ipWindow)}::timestamptz, 1)
        on conflict (bucket, key, window_start) do update set count = rate_limits.count + 1
        returning count),
      previous as (select locked_until from login_failures where email = ${email}),
      reserved as (
        insert into login_failures (email, failed_count, last_failed_at)
        select ${email}, 1, ${ts}::timestamptz
        where (select count from account) <= ${accountRule.limit} and (select count from ip) <= ${ipRule.limit}
        on conflict (email) do update set
          failed_count = case when login_failures.locked_until <= ${ts}::timestamptz then 1 else login_failures.failed_count + 1 end,
          locked_until = case when login_failures.locked_until <= ${ts}::timestamptz then null else login_failures.locked_until end,
          last_failed_at = ${ts}::timestamptz
        returning failed_count)
      select (select count from account) as account_hits,
             (select count from ip) as ip_failures,
             (select failed_count from reserved) as failed_count,
             coalesce((select locked_until > ${ts}::timestamptz from previous), false) as was_locked,
             u.id as user_id, u.password_hash, u.activated_at, u.first_name
      from (select 1) one left join users u on u.email = ${email}`),
  );
  const row = r!;

  if (row.account_hits > accountRule.limit || row.ip_failures > ipRule.limit) {
    const retryAfterMs = Math.max(
      row.account_hits > accountRule.limit ? accountWindow.getTime() + accountRule.windowMs - now.getTime() : 0,
      row.ip_failures > ipRule.limit ? ipWindow.getTime() + ipRule.windowMs - now.getTime() : 0,
    );
    return { ok: false, code: "rate_limited", retryAfterMs };
  }

  const userId = row.user_id;
  const audit = (action: string, details?: Record<string, unknown>) =>
    recordAudit(db, ctx, { action, actorUserId: userId, subjectUserId: userId, details: userId ? details : { ...details, email } }, now);
  const checkPassword = () => (row.password_hash ? verifySecret(row.password_hash, password) : verifyAgainstDummy(password));

  // Locked before this attempt, or beyond the threshold in a burst: refused, after the same argon2 work.
  if (row.was_locked || (row.failed_count ?? 0) > LOCKOUT_THRESHOLD) {
    await checkPassword();
    await audit("auth.sign_in.locked");
    return { ok: false, code: "locked" };
  }

  if (!userId || !(await checkPassword())) {
    const justLocked = (row.failed_count ?? 0) >= LOCKOUT_THRESHOLD && (await lockAndNotify(svc, email, userId ? { firstName: row.first_name! } : null, now));
    await audit("auth.sign_in.failed");
    if (justLocked) await audit("auth.locked_out");
    if ((row.failed_count ?? 0) >= LOCKOUT_THRESHOLD) return { ok: false, code: "locked" };
    return { ok: false, code: "invalid", remaining: LOCKOUT_THRESHOLD - (row.failed_count ?? 0) };
  }

  if (!row.activated_at) {
    await forgiveAttempt(svc, email, ipRule.bucket, ipKey, ipWindow);
    await audit("auth.sign_in.not_activated");
    return { ok: false, code: "not_activated" };
  }
  if (needsRehash(row.password_hash!)) {
    await db.update(users).set({ passwordHash: await hashSecret(password) }).where(eq(users.id, userId));
  }
  const session = await openSession(svc, { userId, email, ipBucket: ipRule.bucket, ipKey, ipWindow, ctx, trustedDeviceToken: device.trustedDeviceToken });
  return { ok: true, userId, sessionId: session.id, mfaPassed: session.mfaPassed };
}

/** The failure that reached the threshold locks the email for 24 hours; its owner is emailed once. */
async function lockAndNotify(svc: Services, email: string, owner: { firstName: string } | null, now: Date): Promise<boolean> {
  return svc.db.transaction(async (tx) => {
    const locked = await lockIfThresholdReached(tx, email, now);
    if (locked && owner) await enqueueEmail(tx, { to: email, ...lockedEmail(svc.mail, { firstName: owner.firstName, hours: LOCKOUT_MS / 3_600_000 }) });
    return locked;
  });
}

/** A right password: the email's count is cleared and the address gets its reserved failure back. */
async function forgiveAttempt(svc: Services, email: string, ipBucket: string, ipKey: string, ipWindow: Date): Promise<void> {
  await svc.db.execute(sql`
    with cleared as (delete from login_failures where email = ${email})
    update rate_limits set count = count - 1
    where bucket = ${ipBucket} and key = ${ipKey} and window_start = ${sqlTimestamp(ipWindow)}::timestamptz and count > 0`);
}

/**
 * One statement: clears the failures, returns the address's reserved failure, opens the session
 * (already past the second factor when this device is trusted and a factor is enrolled) and
 * writes the audit rows.
 */
async function openSession(
  svc: Services,
  a: { userId: string; email: string; ipBucket: string; ipKey: string; ipWindow: Date; ctx: RequestContext; trustedDeviceToken?: string },
): Promise<{ id: string; mfaPassed: boolean }> {
  const now = svc.clock.now();
  const ts = sqlTimestamp(now);
  const deviceHash = a.trustedDeviceToken && a.trustedDeviceToken.length <= 100 ? hashToken(a.trustedDeviceToken) : "";
  const [s] = rowsOf<{ id: string; mfa_verified_at: unknown }>(
    await svc.db.execute(sql`
      with cleared as (delete from login_failures where email = ${a.email}),
      refund as (
        update rate_limits set count = count - 1
        where bucket = ${a.ipBucket} and key = ${a.ipKey} and window_start = ${sqlTimestamp(a.ipWindow)}::timestamptz and count > 0),
      device as (
        update trusted_devices set last_used_at = ${ts}::timestamptz
        where token_hash = ${deviceHash} and user_id = ${a.userId} and revoked_at is null and expires_at > ${ts}::timestamptz
          and exists (select 1 from mfa_factors f where f.user_id = ${a.userId} and f.confirmed_at is not null)
        returning id),
      s as (
        insert into sessions (user_id, created_at, last_seen_at, last_verified_at, expires_at, ip, user_agent, mfa_verified_at)
        select ${a.userId}, ${ts}::timestamptz, ${ts}::timestamptz, ${ts}::timestamptz, ${sqlTimestamp(new Date(now.getTime() + SESSION_ABSOLUTE_MS))}::timestamptz,
               ${a.ctx.ip}, ${a.ctx.userAgent?.slice(0, 300) ?? null}, case when exists (select 1 from device) then ${ts}::timestamptz end
        returning id, mfa_verified_at),
      audit as (
        insert into audit_events (action, actor_user_id, subject_user_id, ip, user_agent, details, created_at)
        select e.action, ${a.userId}, ${a.userId}, ${a.ctx.ip}, ${a.ctx.userAgent?.slice(0, 300) ?? null}, jsonb_build_object('sessionId', s.id), ${ts}::timestamptz
        from s, (values ('auth.sign_in.succeeded', true), ('mfa.trusted_device_used', false)) as e(action, always)
        where e.always or s.mfa_verified_at is not null)
      select id, mfa_verified_at from s`),
  );
  return { id: s!.id, mfaPassed: s!.mfa_verified_at !== null };
}
