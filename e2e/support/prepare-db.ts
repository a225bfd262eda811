import postgres from "postgres";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemoData } from "../../db/seed";
import { E2E_ADMIN_DATABASE_URL, E2E_DATABASE_URL } from "./env";

// Run by the Playwright webServer command before the app starts: a fresh, migrated, seeded database.
const name = decodeURIComponent(new URL(E2E_DATABASE_URL).pathname.slice(1));
const admin = postgres(E2E_ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
} catch (e) {
  console.error(`The browser tests need PostgreSQL: could not create database ${name} via ${new URL(E2E_ADMIN_DATABASE_URL).host} (${e instanceof Error ? e.message : e}). Set DATABASE_URL.`);
  process.exit(1);
} finally {
  await admin.end();
}
const handle = await openDatabase({ url: E2E_DATABASE_URL, max: 1 });
await migrateDatabase(handle);
await seedDemoData(handle.db);
await handle.close();
console.log(`[e2e] database ${name} ready`);
