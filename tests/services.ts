import { fixedClock } from "@/lib/clock";
import type { RequestContext } from "@/lib/audit";
import type { Defer, Services } from "@/lib/services";
import type { TestDb } from "./test-db";

export const TEST_MAIL = { appUrl: "http://portal.test", portalName: "Provider Portal", supportPhone: "1-866-449-6848", supportEmail: "support@portal.test" };
export const CTX: RequestContext = { ip: "203.0.113.7", userAgent: "vitest" };

/** Services over a test database with a clock that only moves when told. */
export function testServices(t: TestDb, start = "2026-11-01T12:00:00Z"): Services & { clock: ReturnType<typeof fixedClock> } {
  return { db: t.db, clock: fixedClock(start), mail: TEST_MAIL, mfaKeyHex: "1f".repeat(32) };
}

/** The token in the newest email of `template` to `to` (read from the outbox, as a person reads their inbox). */
export function tokenFrom(bodyText: string): string {
  const m = /[?&]token=([A-Za-z0-9_-]+)/.exec(bodyText);
  if (!m) throw new Error(`no token link in: ${bodyText}`);
  return m[1]!;
}

/**
 * Runs a lib call that defers work until after its answer (Forgot password, Resend activation),
 * then waits for that work, as the request's after() would, and returns the answer.
 */
export async function settled<T>(call: (defer: Defer) => Promise<T>): Promise<T> {
  const tasks: Promise<unknown>[] = [];
  const result = await call((task) => void tasks.push(task()));
  await Promise.all(tasks);
  return result;
}
