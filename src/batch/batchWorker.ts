// The worker-thread entry of the batch pool (built as dist/batchWorker.js; see chunkGrader.ts).
import type { CompiledRubric } from '../rubric/compileParsed.js';
import type { BatchResult } from './batchResult.js';
import { type ChunkTask, gradeChunk } from './gradeChunk.js';

const compiled = new Map<string, CompiledRubric>();

/** Grade one chunk in this worker thread, compiling each rubric once for the thread's lifetime. */
export default function gradeChunkInWorker(task: ChunkTask): BatchResult[] {
  return gradeChunk(task, compiled);
}
