import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random URL-safe secret (256 bits) for emailed links and device cookies. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of the token: its SHA-256. High-entropy tokens need no slow hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** Constant-time string comparison for codes and secrets. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** A token is usable while unused and strictly before its expiry. */
export function isTokenUsable(t: { usedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return t.usedAt === null && now.getTime() < t.expiresAt.getTime();
}
