import { migrateDatabase, openDatabase, type DbHandle } from "../db/client";

/** Opens the database the scripts work on: DATABASE_URL, or the development PGlite directory. */
export async function openScriptDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL || undefined;
  const pgliteDir = process.env.PGLITE_DIR || ".data/pglite";
  try {
    const handle = await openDatabase(url ? { url, max: 4 } : { pgliteDir });
    await migrateDatabase(handle);
    return handle;
  } catch (e) {
    const where = url ? `PostgreSQL (${new URL(url).host})` : `PGlite in ${pgliteDir} (is \`npm run dev\` running? stop it first)`;
    console.error(`Cannot open the database, ${where}: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    process.exit(1);
  }
}
