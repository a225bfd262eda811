import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { configuredTransports } from "@/lib/mail/transports";
import { defineRoute } from "@/lib/next/route";
import { runCleanup } from "@/lib/requests/cleanup";

/**
 * The scheduled cleanup operations run (README: "Scheduling the cleanup"): denies access requests
 * left pending for 5 days, reminds administrators a day before, deletes expired tokens, codes and
 * sessions, and delivers pending mail. `Authorization: Bearer $CRON_SECRET`; anything else is 401.
 */
export const dynamic = "force-dynamic";

const cleanup = defineRoute({ name: "cron.cleanup", guard: "cron" }, async (_req, { svc }) => {
  const started = Date.now();
  const counts = await runCleanup(svc, configuredTransports(env()));
  const ms = Date.now() - started;
  logger.info({ event: "cron.cleanup", ...counts, ms }, "cron cleanup");
  return Response.json({ ok: true, ...counts, ms }, { headers: { "cache-control": "no-store" } });
});

export const GET = cleanup;
export const POST = cleanup;
