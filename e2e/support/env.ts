/**
 * Where the browser tests run: a database of their own on the PostgreSQL server that
 * DATABASE_URL names (default: the local server), and the production build on port 3100.
 */
// The webServer process gets DATABASE_URL pointing at the e2e database, so the admin URL travels apart.
const adminUrl = process.env.E2E_ADMIN_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function e2eDatabaseUrl(): string {
  const u = new URL(adminUrl);
  u.pathname = `/${decodeURIComponent(u.pathname.slice(1) || "postgres")}_e2e`;
  return u.toString();
}

export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_ADMIN_DATABASE_URL = adminUrl;
export const E2E_DATABASE_URL = e2eDatabaseUrl();
/** Fixed secrets for the test server; the specs use CRON_SECRET to call the cron route. */
export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef0123",
  CRON_SECRET: "e2e-cron-secret-0123456789abcdef0123456789",
  MFA_ENCRYPTION_KEY: "0f".repeat(32),
};
