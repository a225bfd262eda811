import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csrfTokenFromCookie, newCsrfCookieValue } from "./sign-in-form";

// next-auth's own CSRF check (not in its package exports, so by path): the cookie the proxy makes must pass it.
type CreateCsrf = (p: { options: { secret: string }; cookieValue?: string; isPost: boolean; bodyValue?: string }) => { csrfToken: string; cookie?: string; csrfTokenVerified?: boolean };
const { createCSRFToken } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/csrf-token.js")) as { createCSRFToken: CreateCsrf };

const secret = "s".repeat(40);

describe("the sign-in form's CSRF cookie (next-auth's double submit)", () => {
  it("a cookie made here passes next-auth's check with its token posted, and fails with another", () => {
    const value = newCsrfCookieValue(secret);
    const token = csrfTokenFromCookie(value, secret);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const options = { secret };
    expect(createCSRFToken({ options, cookieValue: value, isPost: true, bodyValue: token! })).toEqual({ csrfToken: token, csrfTokenVerified: true });
    expect(createCSRFToken({ options, cookieValue: value, isPost: true, bodyValue: "f".repeat(64) }).csrfTokenVerified).toBe(false);
  });

  it("reads the token of a cookie next-auth made", () => {
    const made = createCSRFToken({ options: { secret }, isPost: false });
    expect(csrfTokenFromCookie(made.cookie, secret)).toBe(made.csrfToken);
  });

  it("refuses a cookie made with another secret, tampered with, or malformed", () => {
    const value = newCsrfCookieValue(secret);
    const [token, hash] = value.split("|");
    expect(csrfTokenFromCookie(value, "o".repeat(40))).toBeNull();
    expect(csrfTokenFromCookie(`${"0".repeat(64)}|${hash}`, secret)).toBeNull();
    expect(csrfTokenFromCookie(`${token}|${"0".repeat(64)}`, secret)).toBeNull();
    for (const bad of [undefined, "", "|", token!, `${token}|`, `${token}|short`, `${token}|${hash}x`]) expect(csrfTokenFromCookie(bad, secret)).toBeNull();
  });
});
