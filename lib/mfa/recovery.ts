import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import { hashCode, newRecoveryCodes, normalizeRecoveryCode } from "./codes";
import { RECOVERY_CODE_COUNT } from "./policy";

/** Replaces a person's recovery codes with 10 new ones and returns them (the only time they are shown). */
export async function replaceRecoveryCodes(db: Db, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes(RECOVERY_CODE_COUNT);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashCode(normalizeRecoveryCode(c), userId), createdAt: now })));
  return codes;
}

/** Uses a recovery code once; true when it was valid and unused. */
export async function useRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return false;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashCode(normalized, userId)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
