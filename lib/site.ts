import { DEFAULT_TIME_ZONE } from "./time-format";

/** Public, non-secret settings the pages show. Read at request time; safe to import anywhere on the server. */
export function siteConfig() {
  return {
    portalName: process.env.PORTAL_NAME || "Provider Portal",
    supportPhone: process.env.SUPPORT_PHONE || "1-866-449-6848",
    /** PORTAL_TIME_ZONE (validated at start-up by lib/env): pass it to lib/time-format. */
    timeZone: process.env.PORTAL_TIME_ZONE || DEFAULT_TIME_ZONE,
  };
}
