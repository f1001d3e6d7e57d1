import type { BatchResult } from './batchResult.js';

/**
 * One batch result as a JSON Lines record (ending in `\n`), keys in a fixed order and without the attached
 * report: `{"id","line","rubric","score","maxScore","ratio","band","passed","met","partial","negated","missing","flags"}`,
 * or `{"id","line","rubric","error"}` for an error row.
 * @example process.stdout.write(batchResultToJsonl(result));
 */
export function batchResultToJsonl(result: BatchResult): string {
  const { id, line, rubric } = result;
  if (result.error !== undefined) return `${JSON.stringify({ id, line, rubric, error: result.error })}\n`;
  const { score, maxScore, ratio, band, passed, met, partial, negated, missing, flags } = result;
  return `${JSON.stringify({ id, line, rubric, score, maxScore, ratio, band, passed, met, partial, negated, missing, flags })}\n`;
}
