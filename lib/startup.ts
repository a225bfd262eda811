import { migrateDatabase } from "@/db/client";
import { getDbHandle } from "@/db/index";
import { env, EnvError } from "@/lib/env";
import { systemClock } from "@/lib/clock";
import { dispatchOutbox } from "@/lib/mail/dispatcher";
import { configuredTransports } from "@/lib/mail/transports";

/** One line for a person to act on, then exit: no stack trace at start-up. */
function fatal(message: string): never {
  console.error(`\n[provider-portal] Cannot start: ${message}\n`);
  process.exit(1);
}

function describeTarget(url: string | undefined, pgliteDir: string): string {
  if (!url) return `embedded PGlite in ${pgliteDir}`;
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * Runs once per server process (instrumentation.ts): validates configuration, connects, applies
 * migrations, and starts the outbox dispatcher when a mail or SMS provider is configured.
 */
export async function startServer(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (e) {
    if (e instanceof EnvError) fatal(`${e.issues.join("; ")}. See .env.example.`);
    throw e;
  }
  const target = describeTarget(config.DATABASE_URL, config.PGLITE_DIR);
  try {
    const handle = await getDbHandle();
    await migrateDatabase(handle);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    fatal(`database ${target} failed: ${reason}. Check DATABASE_URL (or unset it to use embedded PGlite) and that the server is running.`);
  }
  console.log(`[provider-portal] database: ${target}, migrations applied`);

  const transports = configuredTransports(config);
  if (transports.email || transports.sms) {
    let running = false;
    setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const { db } = await getDbHandle();
        await dispatchOutbox(db, transports, systemClock);
      } catch (e) {
        console.error("[provider-portal] outbox dispatch failed:", e instanceof Error ? e.message : e);
      } finally {
        running = false;
      }
    }, 3000).unref();
  } else {
    console.log("[provider-portal] no mail/SMS provider configured: messages stay in the outbox (see /dev/mailbox)");
  }
}
