import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";
import type { Db } from "@/db/client";

/**
 * One transaction on one connection, with COPY FROM STDIN: what the registry import needs from
 * either driver. Temp tables live as long as the transaction (ON COMMIT DROP).
 */
export interface ImportSession {
  kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** Streams COPY text-format lines (in chunks) into `table`. */
  copyIn(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<void>;
}

/** PGlite has no COPY FROM STDIN: it reads a Blob as '/dev/blob'. Send it in pieces this big to keep memory flat. */
const PGLITE_COPY_CHARS = 8 * 1024 * 1024;

type RawClient = Sql | PGlite;

function rawClient(db: Db): RawClient {
  const client = (db as unknown as { $client?: RawClient }).$client;
  if (!client) throw new Error("The registry import needs a database handle, not a transaction: it runs its own");
  return client;
}

function isPostgresJs(client: RawClient): client is Sql {
  return typeof (client as Sql).begin === "function" && typeof (client as Sql).unsafe === "function";
}

export async function withImportSession<T>(db: Db, fn: (session: ImportSession) => Promise<T>): Promise<T> {
  const client = rawClient(db);
  if (isPostgresJs(client)) {
    return client.begin((tx) => fn(postgresSession(tx))) as Promise<T>;
  }
  return client.transaction((tx) => fn(pgliteSession(tx)));
}

function postgresSession(tx: TransactionSql): ImportSession {
  return {
    kind: "postgres",
    query: async <T>(text: string) => (await tx.unsafe(text)) as unknown as T[],
    copyIn: async (table, columns, chunks) => {
      const copy = tx.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`);
      const writable = await copy.writable();
      try {
        for await (const chunk of chunks) {
          if (!writable.write(chunk)) await once(writable, "drain");
        }
        writable.end();
        await finished(writable);
        await copy;
      } catch (e) {
        // Abort the COPY (postgres.js sends CopyFail); the caller's error is the one that matters.
        writable.on("error", () => {});
        copy.catch(() => {});
        writable.destroy(e as Error);
        throw e;
      }
    },
  };
}

function pgliteSession(tx: PgliteTransaction): ImportSession {
  const copyBlob = (table: string, columns: readonly string[], text: string) =>
    tx.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], { blob: new Blob([text]) });
  return {
    kind: "pglite",
    query: async <T>(text: string) => (await tx.query<T>(text)).rows,
    copyIn: async (table, columns, chunks) => {
      let pending = "";
      for await (const chunk of chunks) {
        pending += chunk;
        if (pending.length >= PGLITE_COPY_CHARS) {
          await copyBlob(table, columns, pending);
          pending = "";
        }
      }
      if (pending) await copyBlob(table, columns, pending);
    },
  };
}
