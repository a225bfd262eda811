import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { reportResult } from "./lib/measure";

/**
 * First-load JavaScript per route, gzip, after `next build`:
 *
 *   npm run build && npm run bench:bundle
 *   npm run bench:bundle -- --browser http://localhost:3100     # cross-check against a running build
 *
 * From the build output (the default): a route's first load is the framework's root scripts
 * (.next/build-manifest.json `rootMainFiles`) plus every client chunk its client reference
 * manifest lists for the route's segments (layouts, error boundaries, the page), each gzipped
 * at level 6 (what `next start` sends) and summed. The framework's root scripts alone are the
 * floor no App Router page can go below; it is printed beside each route.
 *
 * With --browser URL: loads each public page in headless Chromium and sums the gzip of every
 * script the page requests (the "measured in the browser"); signed-in pages are skipped.
 */

const KB = 1000;
const TARGETS: Record<string, number> = {
  "/login": 120,
  "/register": 150,
  "/request-access": 150,
  "/forgot-password": 150,
  "/resend-activation": 150,
  "/reset-password": 150,
  "/invitations/accept": 150,
};
/** Routes the issue measured, printed first; every other page follows. */
const FIRST = ["/login", "/register", "/request-access", "/users"];

const gz = (buf: Buffer) => gzipSync(buf, { level: 6 }).length;
const kb = (bytes: number) => (bytes / KB).toFixed(1);

/** "/(public)/login/page" → "/login". */
function routeOf(entry: string): string | null {
  if (!entry.endsWith("/page")) return null;
  const route = entry
    .slice(0, -"/page".length)
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");
  return `/${route}`;
}

function clientManifests(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...clientManifests(p));
    else if (e.name.endsWith("_client-reference-manifest.js")) out.push(p);
  }
  return out;
}

interface Row {
  route: string;
  bytes: number;
  floor: number;
}

function fromBuild(nextDir: string): Row[] {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const size = new Map<string, number>();
  const gzOf = (file: string) => {
    if (!size.has(file)) size.set(file, gz(fs.readFileSync(path.join(nextDir, file))));
    return size.get(file)!;
  };
  const floor = buildManifest.rootMainFiles.reduce((n, f) => n + gzOf(f), 0);
  // Each manifest file assigns globalThis.__RSC_MANIFEST[entry] = {...}.
  const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  for (const file of clientManifests(path.join(nextDir, "server", "app"))) {
    new Function("globalThis", "self", fs.readFileSync(file, "utf8"))(holder, holder);
  }
  const rows: Row[] = [];
  for (const [entry, manifest] of Object.entries(holder.__RSC_MANIFEST)) {
    const route = routeOf(entry);
    if (!route || route.startsWith("/_")) continue;
    const files = new Set(buildManifest.rootMainFiles);
    for (const list of Object.values(manifest.entryJSFiles)) for (const f of list) files.add(f);
    rows.push({ route, bytes: [...files].reduce((n, f) => n + gzOf(f), 0), floor });
  }
  return rows;
}

async function fromBrowser(base: string, routes: string[]): Promise<Row[]> {
  const { chromium } = await import("@playwright/test");
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  const rows: Row[] = [];
  try {
    for (const route of routes) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Promise<number>[] = [];
      page.on("response", (r) => {
        if (r.request().resourceType() === "script") bodies.push(r.body().then(gz, () => 0));
      });
      const res = await page.goto(base + route, { waitUntil: "networkidle" });
      const landed = new URL(page.url()).pathname;
      const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
      if (res && res.ok() && landed === route) rows.push({ route, bytes, floor: NaN });
      else console.log(`${route}: skipped (answered ${res?.status()} at ${landed})`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

function print(rows: Row[], how: string) {
  const order = (r: string) => (FIRST.includes(r) ? FIRST.indexOf(r) : FIRST.length);
  rows.sort((a, b) => order(a.route) - order(b.route) || a.route.localeCompare(b.route));
  console.log(`First-load JavaScript per route, gzip (level 6), kB = 1000 bytes; ${how}`);
  console.log(`${"route".padEnd(30)} ${"first load".padStart(10)} ${"target".padStart(7)} ${"floor".padStart(7)}  status`);
  for (const r of rows) {
    const target = TARGETS[r.route];
    const status = target === undefined ? "" : r.bytes <= target * KB ? "within target" : `over by ${kb(r.bytes - target * KB)}`;
    console.log(`${r.route.padEnd(30)} ${kb(r.bytes).padStart(10)} ${(target === undefined ? "-" : String(target)).padStart(7)} ${(Number.isNaN(r.floor) ? "-" : kb(r.floor)).padStart(7)}  ${status}`);
    if (target !== undefined) {
      reportResult({ bench: "bundle", measure: `${r.route} first-load JS, gzip`, result: `${kb(r.bytes)} kB`, floor: Number.isNaN(r.floor) ? "-" : `${kb(r.floor)} kB`, target: `≤ ${target} kB`, met: r.bytes <= target * KB });
    }
  }
  if (rows.some((r) => !Number.isNaN(r.floor))) {
    console.log("floor: the framework's root scripts (React, the App Router runtime), loaded by every page whatever it contains.");
  }
}

const args = process.argv.slice(2);
const browserAt = args.indexOf("--browser");
if (browserAt >= 0) {
  const base = (args[browserAt + 1] ?? "http://localhost:3100").replace(/\/$/, "");
  print(await fromBrowser(base, ["/login", "/register", "/request-access", "/forgot-password", "/resend-activation"]), `measured in Chromium at ${base}`);
} else {
  const nextDir = path.resolve(".next");
  if (!fs.existsSync(path.join(nextDir, "build-manifest.json"))) {
    console.error("No build found: run `npm run build` first.");
    process.exit(1);
  }
  print(fromBuild(nextDir), "computed from the build output in .next/");
}
