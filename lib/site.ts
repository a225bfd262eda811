/** Public, non-secret settings the pages show. Read at request time; safe to import anywhere on the server. */
export function siteConfig() {
  return {
    portalName: process.env.PORTAL_NAME || "Provider Portal",
    supportPhone: process.env.SUPPORT_PHONE || "1-866-449-6848",
  };
}
