import fs from "node:fs";
import path from "node:path";
import { ACTION_META, type ActionMeta } from "@/lib/next/action";

/**
 * Every server action file ("use server" at the top, whatever its name) and route handler in app/,
 * found on disk so a new one cannot hide.
 */
export function entryPointFiles(root = path.resolve("app")): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^route\.tsx?$/.test(e.name) || (/\.tsx?$/.test(e.name) && /^\s*["']use server["']/.test(fs.readFileSync(p, "utf8")))) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** Route segment config a route file may export besides its handlers. */
const ROUTE_CONFIG = new Set(["dynamic", "revalidate", "runtime", "fetchCache", "preferredRegion", "maxDuration", "dynamicParams"]);

export interface EntryPoint {
  file: string;
  exportName: string;
  meta: ActionMeta | undefined;
  fn: (...args: unknown[]) => Promise<unknown>;
}

/** Imports every entry-point module and lists its exported callables with their declared guard. */
export async function loadEntryPoints(): Promise<EntryPoint[]> {
  const all: EntryPoint[] = [];
  for (const file of entryPointFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (ROUTE_CONFIG.has(exportName) && typeof value !== "function") continue;
      const fn = value as EntryPoint["fn"];
      all.push({ file: path.relative(process.cwd(), file), exportName, meta: (value as { [ACTION_META]?: ActionMeta })?.[ACTION_META], fn });
    }
  }
  return all;
}
