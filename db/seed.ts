import type { Db } from "./client";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";

/** Loads the deterministic demo data (README.md lists it). Safe to run again. */
export async function seedDemoData(db: Db) {
  return importRegistry(db, (async function* () {
    yield demoRegistryCsv();
  })());
}
