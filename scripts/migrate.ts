import { openScriptDatabase } from "./db";

const handle = await openScriptDatabase();
console.log(`Migrations applied (${handle.kind}).`);
await handle.close();
