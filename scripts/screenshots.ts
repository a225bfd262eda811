import fs from "node:fs";
import { chromium } from "@playwright/test";

// Screenshots of pages of a running portal, to look at what we built:
//   npx tsx scripts/screenshots.ts http://localhost:3100 /login /register ...
// SCREEN_WIDTHS=1280,390 takes each page at each width (default 1280).
const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const widths = (process.env.SCREEN_WIDTHS || "1280").split(",").map(Number);
fs.mkdirSync("test-results/screens", { recursive: true });
for (const width of widths) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const p of paths.length ? paths : ["/login"]) {
    await page.goto(base + p);
    await page.waitForLoadState("load");
    await page.waitForTimeout(500);
    const file = `test-results/screens/${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}${width === 1280 ? "" : `-${width}`}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
