import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "", issuer = "") {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_S, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string, issuer: string): string {
  return totp(secretBase32, accountEmail, issuer).toString();
}

/** The 30-second step a time falls in. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_S);
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. A code whose step is not
 * after `lastUsedStep` is refused, so a code (or an older one) cannot be used twice.
 */
export function verifyTotp(secretBase32: string, code: string, atMs: number, lastUsedStep: number | null): { ok: true; step: number } | { ok: false } {
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const delta = totp(secretBase32).validate({ token: code, timestamp: atMs, window: 1 });
  if (delta === null) return { ok: false };
  const step = totpStep(atMs) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false };
  return { ok: true, step };
}

/** The code for a time: what an authenticator app shows. For tests and the e2e helper. */
export function totpCodeAt(secretBase32: string, atMs: number): string {
  return totp(secretBase32).generate({ timestamp: atMs });
}
