import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTokens } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import { generateToken, hashToken, isTokenUsable } from "./tokens";

type Purpose = (typeof userTokens.$inferInsert)["purpose"];

/**
 * Issues a one-time token for a user and purpose, retiring any earlier unused one of the same
 * purpose (only the newest link works). Returns the token to put in the email.
 */
export async function issueUserToken(db: Db, userId: string, purpose: Purpose, ttlMs: number, clock: Clock): Promise<string> {
  const now = clock.now();
  await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  const token = generateToken();
  await db.insert(userTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs), createdAt: now });
  return token;
}

export type TokenLookup = { status: "valid"; userId: string; tokenId: string } | { status: "expired" | "used" | "invalid" };

/** Looks a token up without using it. */
export async function findUserToken(db: Db, token: string, purpose: Purpose, clock: Clock): Promise<TokenLookup> {
  if (!token || token.length > 200) return { status: "invalid" };
  const [row] = await db.select().from(userTokens).where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, purpose)));
  if (!row) return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (!isTokenUsable(row, clock.now())) return { status: "expired" };
  return { status: "valid", userId: row.userId, tokenId: row.id };
}

/**
 * Uses a token: marks it used only if it is still unused and unexpired, in one conditional
 * update, so two requests racing with the same link cannot both succeed.
 */
export async function consumeUserToken(db: Db, token: string, purpose: Purpose, clock: Clock): Promise<TokenLookup> {
  const found = await findUserToken(db, token, purpose, clock);
  if (found.status !== "valid") return found;
  const now = clock.now();
  const [used] = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.id, found.tokenId), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return used ? found : { status: "used" };
}
