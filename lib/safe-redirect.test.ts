import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const APP = "https://portal.example.org";

describe("safeRedirect", () => {
  it.each([
    ["/users", "/users"],
    ["/users/requests?tab=history#top", "/users/requests?tab=history#top"],
    ["/invitations/accept?token=abc_DEF-123", "/invitations/accept?token=abc_DEF-123"],
    ["/accounts?switch=refused", "/accounts?switch=refused"],
  ])("keeps a local path: %s", (input, expected) => {
    expect(safeRedirect(input, APP)).toBe(expected);
  });

  it.each([
    // The security test's two findings.
    "/%5Cexample.net/x",
    "/%09/example.net/x",
    // Other ways off the site.
    "//example.net",
    "///example.net",
    "/\\example.net",
    "\\\\example.net",
    "/%2F%2Fexample.net",
    "%2F%2Fexample.net",
    "/%252F%252Fexample.net",
    "/%255Cexample.net",
    "https://example.net/",
    "https://portal.example.org.evil.net/",
    "http://portal.example.org/users",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%0d%0aLocation:%20https://example.net",
    "/\u0000",
    "/ \t/example.net",
    "users",
    "",
    "/%E0%A4%A",
    "/a%20b",
  ])("refuses %j", (input) => {
    expect(safeRedirect(input, APP)).toBe("/home");
  });

  it("refuses an overlong target", () => {
    expect(safeRedirect("/".padEnd(3000, "a"), APP)).toBe("/home");
  });

  it("refuses what is not a string and uses the fallback given", () => {
    expect(safeRedirect(undefined, APP)).toBe("/home");
    expect(safeRedirect(["/users"], APP, "/mfa")).toBe("/mfa");
    expect(safeRedirect({ toString: () => "/users" }, APP)).toBe("/home");
  });

  it("an absolute URL on the portal's own origin is reduced to its path", () => {
    expect(safeRedirect("/users?x=1", "http://localhost:3000")).toBe("/users?x=1");
  });
});
