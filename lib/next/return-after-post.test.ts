import { beforeEach, describe, expect, it, vi } from "vitest";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const { returnAfterPlainPost } = await import("./action");

/** Where a call was sent by Next's redirect(), or null when it returned. */
async function redirectedTo(raw: unknown, result: unknown): Promise<string | null> {
  try {
    await returnAfterPlainPost(raw, result);
    return null;
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT;")) throw err;
    return digest.split(";")[2]!;
  }
}

describe("a form posted without JavaScript goes to its returnTo after success (POST/redirect/GET)", () => {
  beforeEach(() => {
    requestHeaders = new Headers({ "content-type": "multipart/form-data; boundary=x" });
  });

  it("a plain post that succeeded is sent to its local returnTo", async () => {
    expect(await redirectedTo({ membershipId: "m", returnTo: "/users" }, { ok: true })).toBe("/users");
  });

  it("never leaves the portal: another site's address goes to the portal home", async () => {
    expect(await redirectedTo({ returnTo: "https://evil.example/users" }, { ok: true })).toBe("/home");
    expect(await redirectedTo({ returnTo: "//evil.example" }, { ok: true })).toBe("/home");
  });

  it("answers as usual with JavaScript, after a refusal, or without returnTo", async () => {
    requestHeaders = new Headers({ "next-action": "7f00" });
    expect(await redirectedTo({ returnTo: "/users" }, { ok: true })).toBeNull();
    requestHeaders = new Headers();
    expect(await redirectedTo({ returnTo: "/users" }, { ok: false, error: "last_admin" })).toBeNull();
    expect(await redirectedTo({ membershipId: "m" }, { ok: true })).toBeNull();
    expect(await redirectedTo(undefined, { ok: true })).toBeNull();
  });
});
