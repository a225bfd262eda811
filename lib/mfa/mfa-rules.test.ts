import { describe, expect, it } from "vitest";
import { newNumericCode, newRecoveryCodes, normalizeRecoveryCode, codeMatches, hashCode } from "./codes";
import { decryptSecret, encryptSecret } from "./crypto";
import { formatUsPhone, maskPhone, normalizeUsPhone } from "./phone";
import { newTotpSecret, totpCodeAt, totpStep, verifyTotp } from "./totp";

const KEY = "2a".repeat(32);
const T0 = Date.parse("2026-11-01T12:00:10Z");

describe("TOTP", () => {
  const secret = newTotpSecret();
  it("accepts the current code and one step of drift either way, not two", () => {
    expect(verifyTotp(secret, totpCodeAt(secret, T0), T0, null)).toEqual({ ok: true, step: totpStep(T0) });
    expect(verifyTotp(secret, totpCodeAt(secret, T0 - 30_000), T0, null)).toEqual({ ok: true, step: totpStep(T0) - 1 });
    expect(verifyTotp(secret, totpCodeAt(secret, T0 + 30_000), T0, null)).toEqual({ ok: true, step: totpStep(T0) + 1 });
    expect(verifyTotp(secret, totpCodeAt(secret, T0 - 60_000), T0, null)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCodeAt(secret, T0 + 60_000), T0, null)).toEqual({ ok: false });
  });
  it("refuses a replayed code and any code of an earlier step", () => {
    const first = verifyTotp(secret, totpCodeAt(secret, T0), T0, null);
    expect(first.ok).toBe(true);
    const used = (first as { step: number }).step;
    expect(verifyTotp(secret, totpCodeAt(secret, T0), T0 + 5_000, used)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCodeAt(secret, T0 - 30_000), T0, used)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCodeAt(secret, T0 + 30_000), T0 + 30_000, used).ok).toBe(true);
  });
  it("refuses malformed codes", () => {
    for (const bad of ["", "12345", "1234567", "abcdef", " 123456x"]) expect(verifyTotp(secret, bad, T0, null)).toEqual({ ok: false });
  });
});

describe("secret encryption", () => {
  it("round-trips, uses a fresh IV each time, and detects tampering or a wrong key", () => {
    const a = encryptSecret("JBSWY3DPEHPK3PXP", KEY);
    const b = encryptSecret("JBSWY3DPEHPK3PXP", KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(a, KEY)).toBe("JBSWY3DPEHPK3PXP");
    const [v, iv, tag, data] = a.split(".");
    // Flip one bit of the ciphertext itself (editing base64 text can leave the bytes unchanged).
    const bytes = Buffer.from(data!, "base64url");
    bytes[0] = bytes[0]! ^ 1;
    const flipped = `${v}.${iv}.${tag}.${bytes.toString("base64url")}`;
    expect(flipped).not.toBe(a);
    expect(() => decryptSecret(flipped, KEY)).toThrow();
    expect(() => decryptSecret(a, "3b".repeat(32))).toThrow();
    expect(() => encryptSecret("x", "short")).toThrow(/32 bytes/);
  });
});

describe("codes", () => {
  it("are six digits and match only their own salt", () => {
    for (let i = 0; i < 50; i++) expect(newNumericCode()).toMatch(/^\d{6}$/);
    const h = hashCode("123456", "row-1");
    expect(codeMatches("123456", "row-1", h)).toBe(true);
    expect(codeMatches(" 123456 ", "row-1", h)).toBe(true);
    expect(codeMatches("123456", "row-2", h)).toBe(false);
    expect(codeMatches("654321", "row-1", h)).toBe(false);
  });
  it("recovery codes: ten distinct, normalised without dashes or case", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
    expect(normalizeRecoveryCode(" AB3D-EF4H-JK ")).toBe("ab3def4hjk");
  });
});

describe("US phone numbers", () => {
  it("normalise to E.164 and format for people", () => {
    expect(normalizeUsPhone("(614) 555-0123")).toBe("+16145550123");
    expect(normalizeUsPhone("1-614-555-0123")).toBe("+16145550123");
    expect(normalizeUsPhone("+1 614.555.0123")).toBe("+16145550123");
    expect(formatUsPhone("+16145550123")).toBe("(614) 555-0123");
    expect(maskPhone("+16145550123")).toBe("(•••) •••-0123");
  });
  it("refuse numbers that are not US numbers", () => {
    for (const bad of ["555-0123", "(014) 555-0123", "(614) 155-0123", "+44 20 7946 0958", "614555012a", ""]) expect(normalizeUsPhone(bad)).toBeNull();
  });
});
