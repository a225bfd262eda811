import { spawnSync } from "node:child_process";

/**
 * The registry import allocates fast and keeps little: a bigger young generation costs less
 * garbage collection, and a capped old generation keeps peak RSS down (and would fail loudly if
 * something proportional to the file stayed in memory). When the script was started without these
 * flags (`tsx scripts/...`, as `npm run bench` does), it runs itself again with them.
 */
const FLAGS = ["--max-semi-space-size=32", "--max-old-space-size=128"];

export function relaunchWithImportHeapFlags(): void {
  if (process.env.REGISTRY_IMPORT_HEAP_FLAGS === "1") return;
  const child = spawnSync(process.execPath, [...process.execArgv, ...FLAGS, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, REGISTRY_IMPORT_HEAP_FLAGS: "1" },
  });
  process.exit(child.status ?? 1);
}
