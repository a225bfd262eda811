import { createHash, randomInt } from "node:crypto";
import { safeEqual } from "@/lib/auth/tokens";

/** A 6-digit one-time code for email or SMS. */
export function newNumericCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Codes are stored as a hash salted with their row id, so equal codes never hash alike. */
export function hashCode(code: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${code}`).digest("base64url");
}

export function codeMatches(code: string, salt: string, storedHash: string): boolean {
  return safeEqual(hashCode(code.trim(), salt), storedHash);
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten recovery codes like "k7mq-2xpa-9r": 10 characters from a 31-letter alphabet (~50 bits). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Recovery codes are compared without dashes, spaces or case. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}
