import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { hashSecret, needsRehash, normalizeSecurityAnswer, verifySecret } from "./password";
import { PASSWORD_RULES, passwordProblem } from "./password-rules";
import { normalizeEmail, registerSchema } from "./schemas";
import { generateToken, hashToken, isTokenUsable, safeEqual } from "./tokens";

const EMAIL = "mary.smith@clinic.example";

describe("password rules", () => {
  it("accepts a password meeting every rule", () => {
    expect(passwordProblem("Blue-Harbor-42x", EMAIL)).toBeNull();
  });
  it.each([
    ["Short-1a", /at least 12 characters/],
    ["NOLOWERCASE-123", /one lowercase letter/],
    ["nouppercase-123", /one uppercase letter/],
    ["No-Digits-Here!", /one number/],
    ["NoSpecial12345", /one special character/],
  ])("rejects %s", (password, message) => {
    expect(passwordProblem(password, EMAIL)).toMatch(message);
  });
  it("rejects a password containing the email's username, in any case", () => {
    expect(passwordProblem("xx-MARY.SMITH-2026", EMAIL)).toBe("Password must not contain your email's username");
    expect(passwordProblem("xx-Mary.Smith-2026", "Mary.Smith@x.org")).toMatch(/username/);
  });
  it("is exactly 12 at the lower bound and 128 at the upper", () => {
    expect(passwordProblem("Abcdefghi-12", EMAIL)).toBeNull();
    expect(passwordProblem("Abcdefghi-1", EMAIL)).toMatch(/12/);
    expect(passwordProblem(`Aa1!${"x".repeat(124)}`, EMAIL)).toBeNull();
    expect(passwordProblem(`Aa1!${"x".repeat(125)}`, EMAIL)).toBe("Password must be at most 128 characters");
  });
  it("the checklist and the schema agree", () => {
    const weak = "abc";
    expect(PASSWORD_RULES.filter((r) => !r.test(weak, EMAIL)).map((r) => r.id)).toEqual(["length", "upper", "digit", "special"]);
    const r = registerSchema.safeParse({ email: EMAIL, password: weak, firstName: "Mary", lastName: "Smith", securityQuestion: "What city were you born in?", securityAnswer: "Akron" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(["password"]);
  });
});

describe("common passwords", () => {
  it("knows the list and its dressed-up forms", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("Password123!")).toBe(true);
    expect(isCommonPassword("Qwerty123456!")).toBe(true);
    expect(isCommonPassword("Blue-Harbor-42x")).toBe(false);
  });
});

describe("emails and names", () => {
  it("trims and lower-cases emails", () => {
    expect(normalizeEmail("  Mary.Smith@Clinic.Example ")).toBe(EMAIL);
    const r = registerSchema.parse({ email: "  Mary.Smith@Clinic.EXAMPLE ", password: "Blue-Harbor-42x", firstName: " Mary ", lastName: "Smith", securityQuestion: "What city were you born in?", securityAnswer: "Akron" });
    expect(r.email).toBe(EMAIL);
    expect(r.firstName).toBe("Mary");
  });
  it("rejects malformed, missing and oversized fields with a message per field", () => {
    const r = registerSchema.safeParse({ email: "not-an-email", password: "", firstName: "", lastName: "x".repeat(101), securityQuestion: "Favourite colour?", securityAnswer: "" });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({
      email: "Enter a valid email address, like name@example.com",
      password: "Enter a password",
      firstName: "Enter your first name",
      lastName: "Last name must be at most 100 characters",
      securityQuestion: "Choose a security question",
      securityAnswer: "Enter your security answer",
    });
  });
  it("normalises security answers for case and spacing", () => {
    expect(normalizeSecurityAnswer("  New   York ")).toBe("new york");
  });
});

describe("argon2", () => {
  it("hashes with argon2id m=19456 t=2 p=1 and verifies", async () => {
    const h = await hashSecret("Blue-Harbor-42x");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifySecret(h, "Blue-Harbor-42x")).toBe(true);
    expect(await verifySecret(h, "blue-harbor-42x")).toBe(false);
    expect(await verifySecret("not a hash", "x")).toBe(false);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash(h.replace("m=19456", "m=4096"))).toBe(true);
  });
});

describe("tokens", () => {
  it("are random, hashed, and compared in constant time", () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toContain(a);
    expect(safeEqual("123456", "123456")).toBe(true);
    expect(safeEqual("123456", "123457")).toBe(false);
    expect(safeEqual("123456", "1234567")).toBe(false);
  });
  it("expire exactly at expires_at and never work twice", () => {
    const expiresAt = new Date("2026-11-08T12:00:00Z");
    expect(isTokenUsable({ usedAt: null, expiresAt }, new Date("2026-11-08T11:59:59.999Z"))).toBe(true);
    expect(isTokenUsable({ usedAt: null, expiresAt }, expiresAt)).toBe(false);
    expect(isTokenUsable({ usedAt: new Date("2026-11-02T00:00:00Z"), expiresAt }, new Date("2026-11-03T00:00:00Z"))).toBe(false);
  });
});
