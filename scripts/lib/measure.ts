import fs from "node:fs";
import path from "node:path";

/** The p-th percentile (0–100) of already sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Runs `task(i)` for i in 0..count-1, at most `concurrency` at a time; resolves to the results in order. */
export async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/**
 * Two-sided Mann–Whitney U test (normal approximation with tie correction): the probability that
 * samples this different come from one distribution. Small p = the two can be told apart.
 */
export function mannWhitneyP(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(all.length);
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[k] = rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const n1 = a.length;
  const n2 = b.length;
  const r1 = all.reduce((s, x, i) => (x.g === 0 ? s + ranks[i]! : s), 0);
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = Math.abs(u - mean) / sd;
  return 2 * (1 - normalCdf(z));
}

function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 approximation of erf.
  const t = 1 / (1 + 0.3275911 * (z / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return 0.5 * (1 + erf);
}

/** A server action's id in the production build in .next (what a browser sends as Next-Action). */
export function serverActionId(file: string, exportedName: string): string {
  const manifestPath = path.join(".next", "server", "server-reference-manifest.json");
  if (!fs.existsSync(manifestPath)) throw new Error("No production build here: run `npm run build` first (the server being measured must be this build).");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

/** A distinct client address per request, as the per-address limits see it (the last X-Forwarded-For hop). */
export function benchAddress(i: number): string {
  return `198.18.${(i >> 8) & 255}.${i & 255}`;
}

/** One measured number as `npm run bench` collects it into its table (see scripts/bench-all.ts). */
export interface BenchResult {
  bench: string;
  measure: string;
  result: string;
  /** The physical floor measured in the same run, or "-" where none applies. */
  floor: string;
  target: string;
  met: boolean | null;
}

export const RESULT_PREFIX = "::bench-result ";

/** Prints a result line that `npm run bench` picks out of the script's output. */
export function reportResult(result: BenchResult): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}
