import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock, HOUR, MINUTE } from "@/lib/clock";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { describeRetry, hitRateLimit, hitRateLimits, purgeRateLimits } from "./index";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());
beforeEach(() => t.reset());

const rule = { bucket: "test", limit: 3, windowMs: 15 * MINUTE };

describe("hitRateLimit", () => {
  it("allows up to the limit in a window, then refuses until the window ends", async () => {
    const clock = fixedClock("2026-11-01T10:05:00Z");
    for (let i = 1; i <= 3; i++) expect(await hitRateLimit(t.db, rule, "1.2.3.4", clock)).toMatchObject({ allowed: true, count: i });
    const refused = await hitRateLimit(t.db, rule, "1.2.3.4", clock);
    expect(refused).toMatchObject({ allowed: false, count: 4, retryAfterMs: 10 * MINUTE });
    // Another key is counted on its own.
    expect((await hitRateLimit(t.db, rule, "5.6.7.8", clock)).allowed).toBe(true);
    clock.set("2026-11-01T10:15:00Z");
    expect(await hitRateLimit(t.db, rule, "1.2.3.4", clock)).toMatchObject({ allowed: true, count: 1 });
  });

  it("counts concurrent hits exactly", async () => {
    const clock = fixedClock("2026-11-01T10:05:00Z");
    const results = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(t.db, rule, "k", clock)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("hitRateLimits refuses when any rule refuses, with the longest wait", async () => {
    const clock = fixedClock("2026-11-01T10:05:00Z");
    const hourly = { bucket: "hourly", limit: 1, windowMs: HOUR };
    await hitRateLimits(t.db, [[rule, "a"], [hourly, "a"]], clock);
    const d = await hitRateLimits(t.db, [[rule, "a"], [hourly, "a"]], clock);
    expect(d).toMatchObject({ allowed: false, retryAfterMs: 55 * MINUTE });
  });

  it("purges ended windows", async () => {
    const clock = fixedClock("2026-11-01T10:05:00Z");
    await hitRateLimit(t.db, rule, "a", clock);
    expect(await purgeRateLimits(t.db, new Date("2026-11-01T10:00:00Z"))).toBe(0);
    expect(await purgeRateLimits(t.db, new Date("2026-11-01T10:15:00Z"))).toBe(1);
  });

  it("describes a retry delay in words", () => {
    expect(describeRetry(30_000)).toBe("in a minute");
    expect(describeRetry(10 * MINUTE)).toBe("in 10 minutes");
    expect(describeRetry(HOUR)).toBe("in an hour");
    expect(describeRetry(5 * HOUR)).toBe("in 5 hours");
  });
});
