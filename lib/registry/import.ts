import { Readable, pipeline } from "node:stream";
import type { Db } from "@/db/client";
import { CREATE_STAGE, MERGE_STEPS, STAGE_TABLE, mergeStaged } from "./merge";
import { withImportSession } from "./session";
import { ProblemLog, RegistryHeaderError, STAGE_COLUMNS, createStageStream, type RowProblem, type StageStreamState } from "./stage";

export { RegistryHeaderError, type RowProblem };

export interface ImportReport {
  rows: number;
  providers: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Providers left out because at least one of their rows was bad or their rows disagree. */
  rejectedProviders: number;
  /** The first `problemLimit` bad lines, in line order. */
  problems: RowProblem[];
  /** Every bad line, including those not kept in `problems`. */
  problemCount: number;
  /** Time spent streaming the file into staging (parse, validate, COPY), and merging it in SQL. */
  seconds: { stage: number; merge: number };
}

export interface ImportProgress {
  /** "read": rows streamed into staging so far; "write": merge steps done of `total`. */
  phase: "read" | "write";
  done: number;
  total?: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Report reading progress every this many rows (default 100,000). */
  progressEvery?: number;
  /** Bad lines kept in the report (default 1,000); the rest are only counted, so memory stays flat. */
  problemLimit?: number;
  /** A first load of at least this many providers builds the indexes afterwards (default 10,000; see bulk.ts). */
  bulkLoadMin?: number;
}

export const DEFAULT_PROBLEM_LIMIT = 1000;
export const DEFAULT_BULK_LOAD_MIN = 10_000;

/**
 * Loads a registry CSV (format in DESIGN.md) in one transaction. The file is streamed through
 * csv-parse and validated row by row (rows.ts); valid rows go to a temp staging table with COPY,
 * and SQL does the rest (merge.ts): a provider with any bad row, or whose rows disagree, is left
 * out whole; changed providers are updated and new ones inserted, with their addresses; unchanged
 * ones are not written at all, so importing the same file twice changes nothing. Node keeps
 * nothing proportional to the file: at most `problemLimit` messages.
 */
export async function importRegistry(
  db: Db,
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const problemLimit = options.problemLimit ?? DEFAULT_PROBLEM_LIMIT;
  const problems = new ProblemLog(problemLimit);
  const state: StageStreamState = { rows: 0 };

  const started = performance.now();
  return withImportSession(db, async (session) => {
    if (session.kind === "postgres") {
      await session.query(`set local work_mem = '256MB'`);
      await session.query(`set local maintenance_work_mem = '256MB'`);
    }
    // One import at a time: two would race to insert the same new providers.
    await session.query(`select pg_advisory_xact_lock(727275)`);
    await session.query(CREATE_STAGE);
    const stage = createStageStream({
      problems,
      state,
      progressEvery: options.progressEvery ?? 100_000,
      onRows: options.onProgress && ((done) => options.onProgress!({ phase: "read", done })),
    });
    const input = source instanceof Readable ? source : Readable.from(source);
    await session.copyIn(STAGE_TABLE, STAGE_COLUMNS, pipeline(input, stage, () => {}));
    const staged = performance.now();
    if (!state.header) throw new RegistryHeaderError("The file is empty: expected a header line");

    const step = (done: number) => options.onProgress?.({ phase: "write", done, total: MERGE_STEPS });
    const merged = await mergeStaged(session, { conflictLimit: problemLimit, bulkLoadMin: options.bulkLoadMin ?? DEFAULT_BULK_LOAD_MIN }, step);
    const kept = [...problems.kept, ...merged.conflicts].sort((a, b) => a.line - b.line).slice(0, problemLimit);
    return {
      rows: state.rows,
      providers: merged.providers,
      inserted: merged.inserted,
      updated: merged.updated,
      unchanged: merged.providers - merged.inserted - merged.updated,
      rejectedProviders: merged.rejectedProviders,
      problems: kept,
      problemCount: problems.count + merged.conflictCount,
      seconds: { stage: (staged - started) / 1000, merge: (performance.now() - staged) / 1000 },
    };
  });
}
