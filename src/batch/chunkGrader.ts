import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type BatchResult, batchFailed } from './batchResult.js';
import { compiledRubrics } from './compiledRubrics.js';
import { type ChunkRow, type ChunkTask, gradeChunk } from './gradeChunk.js';

/** Grades chunks of rows in this thread or in a pool of worker threads. */
export interface ChunkGrader {
  run(task: ChunkTask): Promise<BatchResult[]>;
  close(): Promise<void>;
}

/**
 * The worker file, next to this module: dist/batchWorker.js in the package (tsup builds it as its own entry,
 * and every dist/ module that can start a pool sits beside it). Run from source (vitest, tsx) this module is
 * a `.ts` file, so the worker is src/batch/batchWorker.ts, loaded through tsx (a dev dependency).
 */
function workerEntry(): { filename: string; execArgv?: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { filename: new URL('./batchWorker.js', here).href };
  const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename: new URL('./batchWorker.ts', here).href, execArgv: ['--import', tsx] };
}

/**
 * Heap limits of a worker. V8 sizes a worker's heap from the process's limit (GBs) and lets garbage pile up
 * towards it; an explicit old-generation limit keeps each worker near its live size (~40 MB: the language model,
 * code, compiled rubrics). Up to about 300 MB V8 also grows such a heap only 1.3× over its live size before
 * collecting (1.6× at 1 GB). One answer needs about 60 bytes per character on top of that (measured: 1M
 * characters fit in 88 MB, 2M in 160 MB), so the limit grows with `maxAnswerLength`, with twice that margin.
 * Measured against the former 1 GB (young generation 4 MB both), 100k rows, 2 workers: gradeBatch peak RSS
 * 317–324 → 298–300 MB, for 10 instead of 6 full collections per worker per 10k rows (~2% more GC work).
 */
function workerLimits(maxAnswerLength: number | undefined): {
  maxYoungGenerationSizeMb: number;
  maxOldGenerationSizeMb: number;
} {
  const answerMb = maxAnswerLength !== undefined && maxAnswerLength > 0 ? maxAnswerLength / 8192 : 0;
  return { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: Math.ceil(Math.min(256 + answerMb, 4096)) };
}

/** The error a worker thread's task rejects with when the thread ran out of heap and was stopped. */
function outOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** A row whose grading ran its worker out of memory, as an error row (the rubric's id read from the task). */
function outOfMemoryRow(task: ChunkTask, row: ChunkRow): BatchResult {
  const text = task.rubrics[row.rubric];
  const rubric = text === undefined ? null : ((JSON.parse(text) as { id?: string }).id ?? null);
  return batchFailed(
    row,
    rubric,
    `rubricate: grading this answer (${row.answer.length} characters) ran out of memory in its worker thread`,
  );
}

/**
 * A grader for `workers` threads: 1 grades in this thread (no worker start-up), more use a piscina pool.
 * `maxAnswerLength` (the grading option) sizes the workers' heaps.
 */
export async function openChunkGrader(workers: number, maxAnswerLength?: number): Promise<ChunkGrader> {
  if (workers === 1) {
    // A thread that only dispatches to workers never analyses a text, so it never loads the language model.
    const compiled = compiledRubrics();
    return { run: async (task) => gradeChunk(task, compiled), close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<ChunkTask, BatchResult[]>({
    ...workerEntry(),
    minThreads: workers,
    maxThreads: workers,
    resourceLimits: workerLimits(maxAnswerLength),
  });
  // A worker that runs out of heap is stopped (piscina starts another) and its task rejects: grade that chunk's
  // rows one at a time, so only a row that cannot be graded alone becomes an error row.
  const run = async (task: ChunkTask): Promise<BatchResult[]> => {
    try {
      return await pool.run(task);
    } catch (error) {
      if (!outOfMemory(error)) throw error;
      if (task.rows.length === 1) return [outOfMemoryRow(task, task.rows[0] as ChunkRow)];
      const results: BatchResult[] = [];
      for (const row of task.rows)
        results.push(
          ...(await run({
            ...task,
            rows: [row],
            rubrics: { [row.rubric]: task.rubrics[row.rubric] as string },
          })),
        );
      return results;
    }
  };
  return { run, close: () => pool.destroy() };
}
