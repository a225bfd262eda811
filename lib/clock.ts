/** Where "now" comes from. Lib functions take a Clock so time rules are testable at the edge. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    set(d) {
      current = new Date(d);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * A Date as a SQL timestamptz literal parameter. Raw sql`` templates do not map Dates the way
 * typed columns do (postgres-js rejects them), so pass them through this.
 */
export function sqlTimestamp(d: Date): string {
  return d.toISOString();
}
