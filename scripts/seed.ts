import { seedDemoData } from "../db/seed";
import { openScriptDatabase } from "./db";

const handle = await openScriptDatabase();
const report = await seedDemoData(handle.db);
console.log(`Demo registry: ${report.inserted} providers added, ${report.updated} updated, ${report.unchanged} unchanged.`);
await handle.close();
