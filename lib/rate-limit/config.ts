import { DAY, HOUR, MINUTE } from "@/lib/clock";

export interface RateRule {
  /** What is limited, e.g. "sign-in:ip". */
  bucket: string;
  limit: number;
  windowMs: number;
  /** The environment variable that overrides this rule, as LIMIT/WINDOW ("30/15m"). */
  env?: string;
}

const UNITS: Record<string, number> = { s: 1000, m: MINUTE, h: HOUR, d: DAY };
const FORMAT = /^(\d{1,7})\/(\d{1,5})([smhd])$/;

/** "30/15m" → { limit: 30, windowMs: 15 minutes }; null when the text is not in that form. */
export function parseRateSetting(text: string): { limit: number; windowMs: number } | null {
  const m = FORMAT.exec(text.trim());
  if (!m) return null;
  const limit = Number(m[1]);
  const windowMs = Number(m[2]) * UNITS[m[3]!]!;
  return limit >= 1 && windowMs >= 1000 ? { limit, windowMs } : null;
}

/** The same rule written as its environment setting. */
export function formatRateSetting(rule: Pick<RateRule, "limit" | "windowMs">): string {
  for (const unit of ["d", "h", "m", "s"] as const) {
    if (rule.windowMs % UNITS[unit]! === 0) return `${rule.limit}/${rule.windowMs / UNITS[unit]!}${unit}`;
  }
  return `${rule.limit}/${Math.round(rule.windowMs / 1000)}s`;
}

/** The rule as configured: the environment's LIMIT/WINDOW when set (checked at start-up by lib/env), else the default. */
export function effectiveRule(rule: RateRule, source: Record<string, string | undefined> = process.env): RateRule {
  const setting = rule.env ? source[rule.env] : undefined;
  if (!setting) return rule;
  const parsed = parseRateSetting(setting);
  return parsed ? { ...rule, ...parsed } : rule;
}
