import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails the test on any WCAG 2.1 A/AA violation on the current page. */
export async function expectAccessible(page: Page) {
  // Next.js streams metadata: wait for the page title before judging the document.
  await expect(page).toHaveTitle(/\S/);
  expect(await violations(page), `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * The same check for a page shown with JavaScript turned off. axe is a script, so it runs on a copy
 * of the page as the server rendered it (its scripts removed, so nothing hydrates), served from the
 * portal's own origin in a second browser context that has JavaScript, where the styles load too.
 */
export async function expectAccessibleWithoutScript(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const origin = new URL(page.url()).origin;
  // Explicitly on: in Playwright Test a new context inherits the spec's `use` options.
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(`${origin}/__axe-copy`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(`${origin}/__axe-copy`);
    expect(await violations(copy), `accessibility violations on ${page.url()} (JavaScript off)`).toEqual([]);
  } finally {
    await context.close();
  }
}
