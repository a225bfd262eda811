import { describe, expect, it } from "vitest";
import { unaddressable } from "./addressing";
import { NOTICE_INTERVAL_MS, noticeDue } from "./notice";
import { composeSchema } from "./schemas";

describe("who may be addressed", () => {
  const members = [
    { userId: "a", name: "Alice" },
    { userId: "b", name: "Bob" },
  ];
  it("accepts only ids from the provider's addressable members", () => {
    expect(unaddressable(["a", "b", "a"], members)).toEqual([]);
    expect(unaddressable(["a", "x"], members)).toEqual(["x"]);
    expect(unaddressable(["mallory@example.org"], members)).toEqual(["mallory@example.org"]);
  });
  it("takes recipients as ids only, never typed addresses", () => {
    const id = "0b6f3c6e-3f3e-4a53-9c1f-1a2b3c4d5e6f";
    expect(composeSchema.safeParse({ to: id, subject: "s", body: "b" }).data?.to).toEqual([id]);
    expect(composeSchema.safeParse({ to: ["someone@example.org"], subject: "s", body: "b" }).success).toBe(false);
    expect(composeSchema.safeParse({ to: [], subject: "s", body: "b" }).error?.issues[0]?.message).toBe("Choose at least one recipient");
  });
});

describe("the notice throttle", () => {
  const now = new Date("2026-11-01T12:00:00Z");
  it("is due for someone never told, and again only 15 minutes after the last notice", () => {
    expect(noticeDue(null, now)).toBe(true);
    expect(noticeDue(new Date(now.getTime() - NOTICE_INTERVAL_MS + 1), now)).toBe(false);
    expect(noticeDue(new Date(now.getTime() - NOTICE_INTERVAL_MS), now)).toBe(true);
  });
});
