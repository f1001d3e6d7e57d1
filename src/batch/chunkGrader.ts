import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CompiledRubric } from '../rubric/compileRubric.js';
import type { BatchResult } from './batchResult.js';
import type { ChunkTask } from './gradeChunk.js';

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

/** A grader for `workers` threads: 1 grades in this thread (no worker start-up), more use a piscina pool. */
export async function openChunkGrader(workers: number): Promise<ChunkGrader> {
  if (workers === 1) {
    // Imported here: a thread that only dispatches to workers never loads the language model.
    const { gradeChunk } = await import('./gradeChunk.js');
    const compiled = new Map<string, CompiledRubric>();
    return { run: async (task) => gradeChunk(task, compiled), close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<ChunkTask, BatchResult[]>({
    ...workerEntry(),
    minThreads: workers,
    maxThreads: workers,
    // V8 sizes a worker's heap from the process's limit (GBs) and lets garbage pile up towards it: explicit
    // limits keep each worker near its live size (measured: peak RSS 430 → 280 MB for 100k rows, 2 workers)
    // while leaving 1 GB for answers far longer than the default maxAnswerLength.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 1024 },
  });
  return { run: (task) => pool.run(task), close: () => pool.destroy() };
}
