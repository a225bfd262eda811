import { count } from "drizzle-orm";
import { providers } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { developmentSecrets } from "../lib/env";
import { openScriptDatabase } from "./db";

// `npm run dev` on a fresh clone: generate dev secrets, migrate, and load the demo registry once.
developmentSecrets();
const handle = await openScriptDatabase();
const [row] = await handle.db.select({ n: count() }).from(providers);
if (!row || row.n === 0) {
  const report = await seedDemoData(handle.db);
  console.log(`[dev] loaded the demo registry (${report.inserted} providers); see README.md for the demo data`);
}
await handle.close();
