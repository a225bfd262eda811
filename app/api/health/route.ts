import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";

/** 200 when the database answers, 503 otherwise. For load balancers and uptime checks. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "up" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
