import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN_DATABASE_URL, E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT, E2E_SECRETS } from "./e2e/support/env";

// Playwright cannot download its own browser here: use Debian's Chromium when it is installed.
const chromium = process.env.CHROMIUM_PATH || ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The longest walks (invite, edit, revoke) take about a minute on a quiet 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `tsx e2e/support/prepare-db.ts && next build && next start -p ${E2E_PORT}`,
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      ...E2E_SECRETS,
      DATABASE_URL: E2E_DATABASE_URL,
      E2E_ADMIN_DATABASE_URL,
      APP_URL: E2E_BASE_URL,
      NEXTAUTH_URL: E2E_BASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
