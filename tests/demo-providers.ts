import { eq } from "drizzle-orm";
import { providerAgreements, providers } from "@/db/schema";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";
import type { TestDb } from "./test-db";

/**
 * What provider-scoped integration tests start from: the Provider Agreement and the demo registry
 * (README's table). Answers the ids of Mary Ann Smith (100200300) and John Doe (100200301).
 */
export async function loadDemoProviders(t: TestDb): Promise<{ mary: string; john: string }> {
  await t.db.insert(providerAgreements).values({ version: 1, title: "Provider Agreement", body: "Agreement text for tests." }).onConflictDoNothing();
  await importRegistry(t.db, (async function* () {
    yield demoRegistryCsv();
  })());
  const idOf = async (providerNumber: string) => (await t.db.select({ id: providers.id }).from(providers).where(eq(providers.providerNumber, providerNumber)))[0]!.id;
  return { mary: await idOf("100200300"), john: await idOf("100200301") };
}
