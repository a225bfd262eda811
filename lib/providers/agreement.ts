import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerAgreements } from "@/db/schema";

export interface Agreement {
  version: number;
  title: string;
  body: string;
}

/** The Provider Agreement people accept now: the newest published version (seeded by migration). */
export async function currentAgreement(db: Db): Promise<Agreement | null> {
  const [a] = await db
    .select({ version: providerAgreements.version, title: providerAgreements.title, body: providerAgreements.body })
    .from(providerAgreements)
    .orderBy(desc(providerAgreements.version))
    .limit(1);
  return a ?? null;
}
