import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerMemberships, users } from "@/db/schema";
import { isUuid } from "@/lib/access/permissions";

export interface Addressee {
  userId: string;
  name: string;
}

/** SQL for "this membership holds Message Box": the same rule as holds() (administrators hold everything). */
export const holdsMessageBox = or(eq(providerMemberships.role, "admin"), sql`'message_box' = any(${providerMemberships.permissions})`);

/**
 * Who may be written to in a provider's Message Box: its active members holding Message Box,
 * never anyone outside it, never the writer. The compose form's picker lists exactly these.
 */
export async function addressableMembers(db: Db, providerId: string, writerUserId: string, only?: string[]): Promise<Addressee[]> {
  if (!isUuid(providerId)) return [];
  const ids = only?.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(providerMemberships)
    .innerJoin(users, eq(users.id, providerMemberships.userId))
    .where(
      and(
        eq(providerMemberships.providerId, providerId),
        eq(providerMemberships.status, "active"),
        holdsMessageBox,
        ne(providerMemberships.userId, writerUserId),
        ids ? inArray(providerMemberships.userId, ids) : undefined,
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id));
  return rows.map((r) => ({ userId: r.userId, name: `${r.firstName} ${r.lastName}` }));
}

/** The chosen ids that are not addressable (empty when every one is). */
export function unaddressable(chosen: readonly string[], addressable: readonly Addressee[]): string[] {
  const allowed = new Set(addressable.map((a) => a.userId));
  return [...new Set(chosen)].filter((id) => !allowed.has(id));
}
