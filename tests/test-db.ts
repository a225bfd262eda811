import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { migrateDatabase, openDatabase, type DbHandle } from "@/db/client";
import * as schema from "@/db/schema";

/**
 * A database of the test file's own: a copy of the migrated template on PostgreSQL when
 * DATABASE_URL is set (see tests/global-setup.ts), a fresh in-memory PGlite otherwise.
 */
export interface TestDb extends DbHandle {
  /** Empties every table: call in beforeEach so each test starts clean. */
  reset(): Promise<void>;
  /** Drops the database (PostgreSQL) or closes PGlite. */
  destroy(): Promise<void>;
}

export const TEMPLATE_SUFFIX = "_tpl";

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const tableNames = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => `"${getTableName(t)}"`);

export async function createTestDb(): Promise<TestDb> {
  const baseUrl = process.env.DATABASE_URL;
  let handle: DbHandle;
  let drop = async () => {};
  if (baseUrl) {
    const base = databaseName(baseUrl);
    const name = `${base}_t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${base}${TEMPLATE_SUFFIX}"`);
    await admin.end();
    handle = await openDatabase({ url: withDatabase(baseUrl, name), max: 5 });
    drop = async () => {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  } else {
    handle = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(handle);
  }
  return {
    ...handle,
    reset: async () => {
      await handle.db.execute(sql.raw(`truncate ${tableNames.join(", ")} restart identity cascade`));
    },
    destroy: async () => {
      await handle.close();
      await drop();
    },
  };
}
