import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerMemberships } from "@/db/schema";
import { isUuid } from "@/lib/access/permissions";

/**
 * Manage Users is for the active administrators of THAT provider only. Every lib/users function
 * starts here (inside its transaction when it has one), whatever the page already checked.
 */
export async function isActiveAdmin(db: Db, userId: string, providerId: string): Promise<boolean> {
  if (!isUuid(userId) || !isUuid(providerId)) return false;
  const [m] = await db
    .select({ id: providerMemberships.id })
    .from(providerMemberships)
    .where(
      and(
        eq(providerMemberships.userId, userId),
        eq(providerMemberships.providerId, providerId),
        eq(providerMemberships.role, "admin"),
        eq(providerMemberships.status, "active"),
      ),
    );
  return !!m;
}
