import type { Page } from "@playwright/test";

/**
 * Full-page screenshots at 1280 px and 390 px, for a person to look at, when E2E_SCREENSHOTS is
 * set (test-results/screens/NAME.png and NAME-390.png); does nothing otherwise.
 */
export async function snap(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  const size = page.viewportSize();
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}
