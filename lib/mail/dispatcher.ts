import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox, type OutboxRow } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import type { Transports } from "./transports";

export const MAX_ATTEMPTS = 6;
/** How long a claimed row is leased to one dispatcher before another may take it over. */
const LEASE_MS = 5 * 60_000;

/** Wait before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, ... capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers due outbox rows for the channels that have a transport. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so concurrent dispatchers never take the same row.
 */
export async function dispatchOutbox(db: Db, transports: Transports, clock: Clock, batchSize = 25): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  const channels = (["email", "sms"] as const).filter((c) => transports[c]);
  if (channels.length === 0) return result;
  const now = clock.now();

  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, now), inArray(outbox.channel, channels)))
      .orderBy(outbox.createdAt)
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [] as OutboxRow[];
    return tx
      .update(outbox)
      .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning();
  });

  for (const row of claimed) {
    try {
      await transports[row.channel]!.send(row);
      await db.update(outbox).set({ status: "sent", sentAt: clock.now(), lastError: null }).where(eq(outbox.id, row.id));
      result.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          status: giveUp ? "failed" : "pending",
          lastError: message.slice(0, 500),
          nextAttemptAt: new Date(clock.now().getTime() + backoffMs(row.attempts)),
        })
        .where(eq(outbox.id, row.id));
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}
