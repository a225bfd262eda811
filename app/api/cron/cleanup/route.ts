import { appServices } from "@/lib/app-services";
import { env } from "@/lib/env";
import { configuredTransports } from "@/lib/mail/transports";
import { isAuthorizedCron, runCleanup } from "@/lib/requests/cleanup";

/**
 * The scheduled cleanup operations run (README: "Scheduling the cleanup"): denies access requests
 * left pending for 5 days, reminds administrators a day before, deletes expired tokens, codes and
 * sessions, and delivers pending mail. `Authorization: Bearer $CRON_SECRET`; anything else is 401.
 */
export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  if (!isAuthorizedCron(req.headers.get("authorization"), env().CRON_SECRET)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { ...headers, "www-authenticate": "Bearer" } });
  }
  const started = Date.now();
  const counts = await runCleanup(await appServices(), configuredTransports(env()));
  const ms = Date.now() - started;
  console.log(`[cron] cleanup ${JSON.stringify({ ...counts, ms })}`);
  return Response.json({ ok: true, ...counts, ms }, { headers });
}

export const GET = handle;
export const POST = handle;
