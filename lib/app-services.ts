import { getDb } from "@/db/index";
import { systemClock } from "@/lib/clock";
import { env } from "@/lib/env";
import type { Services } from "@/lib/services";

/** The running app's services: the shared database, the system clock, mail links from APP_URL. */
export async function appServices(): Promise<Services> {
  const config = env();
  return {
    db: await getDb(),
    clock: systemClock,
    mail: { appUrl: config.APP_URL, portalName: config.PORTAL_NAME, supportPhone: config.SUPPORT_PHONE, supportEmail: config.SUPPORT_EMAIL },
    mfaKeyHex: config.MFA_ENCRYPTION_KEY,
  };
}
