import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { trustedDevices } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Clock } from "@/lib/clock";
import { TRUSTED_DEVICE_MS } from "./policy";

/** Remembers this device for 30 days; returns the cookie value (stored only as a hash). */
export async function trustDevice(db: Db, userId: string, ctx: RequestContext, clock: Clock): Promise<{ token: string; expiresAt: Date }> {
  const now = clock.now();
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_MS);
  await db.insert(trustedDevices).values({ userId, tokenHash: hashToken(token), userAgent: ctx.userAgent, ip: ctx.ip, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** True when the cookie token is a live trusted device of this user (and notes its use). */
export async function isTrustedDevice(db: Db, userId: string, token: string | undefined, clock: Clock): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const now = clock.now();
  const rows = await db
    .update(trustedDevices)
    .set({ lastUsedAt: now })
    .where(and(eq(trustedDevices.tokenHash, hashToken(token)), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, now)))
    .returning({ id: trustedDevices.id });
  return rows.length === 1;
}

export async function listTrustedDevices(db: Db, userId: string, clock: Clock) {
  return db
    .select()
    .from(trustedDevices)
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, clock.now())))
    .orderBy(desc(trustedDevices.createdAt));
}

/** Revokes one device of this user (someone else's id changes nothing). */
export async function revokeTrustedDevice(db: Db, userId: string, deviceId: string, clock: Clock): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(deviceId)) return false;
  const rows = await db
    .update(trustedDevices)
    .set({ revokedAt: clock.now() })
    .where(and(eq(trustedDevices.id, deviceId), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
    .returning({ id: trustedDevices.id });
  return rows.length === 1;
}

export async function revokeAllTrustedDevices(db: Db, userId: string, clock: Clock): Promise<number> {
  const rows = await db
    .update(trustedDevices)
    .set({ revokedAt: clock.now() })
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
    .returning({ id: trustedDevices.id });
  return rows.length;
}
