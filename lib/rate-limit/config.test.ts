import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MINUTE, HOUR } from "@/lib/clock";
import { RATE_RULES } from "./catalog";
import { effectiveRule, formatRateSetting, parseRateSetting } from "./config";

describe("rate limit settings", () => {
  it("parse LIMIT/WINDOW and refuse anything else", () => {
    expect(parseRateSetting("30/15m")).toEqual({ limit: 30, windowMs: 15 * MINUTE });
    expect(parseRateSetting(" 5/1h ")).toEqual({ limit: 5, windowMs: HOUR });
    for (const bad of ["", "30", "30/", "/15m", "0/1h", "30/15", "30/15y", "-1/1h", "1.5/1h", "30 / 15m", "1/0s"]) expect(parseRateSetting(bad)).toBeNull();
  });

  it("an environment setting overrides the default; without one the default stands", () => {
    const rule = { bucket: "b", limit: 30, windowMs: 15 * MINUTE, env: "RATE_LIMIT_TEST" };
    expect(effectiveRule(rule, {})).toEqual(rule);
    expect(effectiveRule(rule, { RATE_LIMIT_TEST: "100/1h" })).toEqual({ ...rule, limit: 100, windowMs: HOUR });
  });

  it("every limit has its own variable, and .env.example lists each with its default", () => {
    const example = fs.readFileSync(".env.example", "utf8");
    const names = RATE_RULES.map((r) => r.env);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of RATE_RULES) {
      expect(rule.env, rule.bucket).toMatch(/^RATE_LIMIT_[A-Z_]+$/);
      expect(example).toContain(`\n${rule.env}=${formatRateSetting(rule)}\n`);
    }
  });
});
