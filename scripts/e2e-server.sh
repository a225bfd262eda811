#!/usr/bin/env bash
# Starts the same server Playwright starts, in the background, for iterating on specs locally
# (Playwright reuses it outside CI). Stop it with: pkill -f "next start"
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(npx tsx -e 'import * as e from "./e2e/support/env"; console.log(`export DATABASE_URL=${e.E2E_DATABASE_URL} E2E_ADMIN_DATABASE_URL=${e.E2E_ADMIN_DATABASE_URL} APP_URL=${e.E2E_BASE_URL} NEXTAUTH_URL=${e.E2E_BASE_URL} NEXTAUTH_SECRET=${e.E2E_SECRETS.NEXTAUTH_SECRET} CRON_SECRET=${e.E2E_SECRETS.CRON_SECRET} MFA_ENCRYPTION_KEY=${e.E2E_SECRETS.MFA_ENCRYPTION_KEY} PORT=${e.E2E_PORT}`)')"
npx tsx e2e/support/prepare-db.ts
npx next build
exec npx next start -p "$PORT"
