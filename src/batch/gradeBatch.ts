import type { InputRecord } from '../io/readRecords.js';
import type { BatchResult, BatchRow } from './batchResult.js';
import { type BatchOptions, gradeRecords } from './gradeRecords.js';

async function* numbered(rows: Iterable<BatchRow> | AsyncIterable<BatchRow>): AsyncGenerator<InputRecord> {
  let line = 0;
  for await (const row of rows) {
    line++;
    yield typeof row === 'object' && row !== null && !Array.isArray(row)
      ? { line, value: row as unknown as Record<string, unknown> }
      : { line, error: `line ${line}: expected an object with "answer", got ${JSON.stringify(row)}` };
  }
}

/**
 * Grade many answers, in parallel worker threads, yielding one result per row in input order: the score,
 * band and concept ids by status, or an `error` (naming the row's 1-based position as `line N`) for a row
 * that cannot be graded — a missing answer, an unknown or invalid rubric, an answer too long. Rows may be an
 * array, any iterable or an async iterable (read lazily, with a bounded number in flight). Node only.
 * @example
 * for await (const r of gradeBatch([{ id: 'a1', answer: 'We track MTTR.' }], { rubric: 'devops/kpis' }))
 *   console.log(r.id, r.error !== undefined ? r.error : `${r.score}/${r.maxScore}`); // a1 1/3
 */
export function gradeBatch(
  rows: Iterable<BatchRow> | AsyncIterable<BatchRow>,
  options: BatchOptions = {},
): AsyncGenerator<BatchResult> {
  return gradeRecords(numbered(rows), options);
}
