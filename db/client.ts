import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or a transaction: lib functions accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbKind = "postgres" | "pglite";

export interface DbHandle {
  db: Db;
  kind: DbKind;
  target: DbTarget;
  close(): Promise<void>;
}

export interface DbTarget {
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throw-away database. */
  pgliteDir?: string;
  /** Connection pool size for PostgreSQL. */
  max?: number;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens PostgreSQL (postgres driver) or embedded PGlite with the same schema. */
export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if (target.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(target.url, { max: target.max ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Db;
    return { db, kind: "postgres", target, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create(target.pgliteDir ?? "memory://", { extensions: { pg_trgm } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", target, close: () => client.close() };
}

/** Applies db/migrations. On PostgreSQL an advisory lock keeps concurrent app instances in line. */
export async function migrateDatabase(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.kind === "postgres") {
    // A session-level lock needs one connection for lock, migrate and unlock: open a private one.
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const { sql } = await import("drizzle-orm");
    const own = await openDatabase({ ...handle.target, max: 1 });
    try {
      await own.db.execute(sql`select pg_advisory_lock(727274)`);
      await migrate(own.db as never, { migrationsFolder });
      await own.db.execute(sql`select pg_advisory_unlock(727274)`);
    } finally {
      await own.close();
    }
    return;
  }
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(handle.db as never, { migrationsFolder });
}

/** Rows of a raw `db.execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
