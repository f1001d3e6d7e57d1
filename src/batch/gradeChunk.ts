import { type GradeOptions, gradeCompiled } from '../gradeCompiled.js';
import { type BatchResult, batchFailed, batchGraded } from './batchResult.js';
import type { CompiledRubrics } from './compiledRubrics.js';

/** A row ready to grade: its answer and the key of its rubric in the task's `rubrics`. */
export interface ChunkRow {
  line: number;
  id: string | null;
  rubric: string;
  answer: string;
}

/** One unit of work for a grading thread: rows, the rubrics they use (by key) and the grading options. */
export interface ChunkTask {
  rows: ChunkRow[];
  /**
   * Each rubric the rows use, as the JSON text of a rubric `parseRubric` returned (so a worker compiles it without
   * validating it again, or loading the validator): one string is cheap to pass between threads, an object tree is not.
   */
  rubrics: Record<string, string>;
  options: GradeOptions;
  /** Attach the full report to each result. */
  reports: boolean;
}

/**
 * Grade a chunk of rows, one result per row in order; a row that cannot be graded (too long) becomes an
 * error row. `compiled` keeps the thread's compiled rubrics by key, so a rubric is compiled once however often it
 * is sent (unless the thread's budget dropped it since).
 */
export function gradeChunk(task: ChunkTask, compiled: CompiledRubrics): BatchResult[] {
  return task.rows.map((row) => {
    const rubric = compiled.get(row.rubric, task.rubrics[row.rubric] as string);
    try {
      return batchGraded(row, gradeCompiled(rubric, row.answer, task.options), task.reports);
    } catch (error) {
      return batchFailed(row, rubric.rubric.id, error);
    }
  });
}
