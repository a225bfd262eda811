import { sql } from "drizzle-orm";
import { defineRoute } from "@/lib/next/route";

/** 200 when the database answers, 503 otherwise. For load balancers and uptime checks. */
export const GET = defineRoute({ name: "health", guard: "public" }, async (_req, { svc }) => {
  try {
    await svc.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "up" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
});
