import { type GradeOptions, gradeCompiled } from '../gradeCompiled.js';
import { type CompiledRubric, compileParsed } from '../rubric/compileParsed.js';
import { type BatchResult, batchFailed, batchGraded } from './batchResult.js';

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
 * error row. `compiled` caches each rubric by key, so a thread parses and compiles a rubric once however often it is sent.
 */
export function gradeChunk(task: ChunkTask, compiled: Map<string, CompiledRubric>): BatchResult[] {
  return task.rows.map((row) => {
    let rubric = compiled.get(row.rubric);
    if (!rubric) {
      rubric = compileParsed(JSON.parse(task.rubrics[row.rubric] as string));
      compiled.set(row.rubric, rubric);
    }
    try {
      return batchGraded(row, gradeCompiled(rubric, row.answer, task.options), task.reports);
    } catch (error) {
      return batchFailed(row, rubric.rubric.id, error);
    }
  });
}
