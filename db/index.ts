import { env } from "@/lib/env";
import { openDatabase, type Db, type DbHandle } from "./client";

export type { Db } from "./client";

const KEY = Symbol.for("provider-portal.db");
type Holder = { [KEY]?: Promise<DbHandle> };

/**
 * The app's shared database handle (one pool, or one PGlite instance, per process). Kept on
 * globalThis because Next.js may load this module more than once (instrumentation, dev reloads).
 */
export function getDbHandle(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const config = env();
    holder[KEY] = openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.PGLITE_DIR });
    holder[KEY].catch(() => delete holder[KEY]);
  }
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
