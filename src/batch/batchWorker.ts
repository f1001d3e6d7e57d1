// The worker-thread entry of the batch pool (built as dist/batchWorker.js; see chunkGrader.ts).
import type { BatchResult } from './batchResult.js';
import { compiledRubrics } from './compiledRubrics.js';
import { type ChunkTask, gradeChunk } from './gradeChunk.js';

const compiled = compiledRubrics();

/** Grade one chunk in this worker thread, keeping the rubrics it compiled (within the thread's budget) for the next. */
export default function gradeChunkInWorker(task: ChunkTask): BatchResult[] {
  return gradeChunk(task, compiled);
}
