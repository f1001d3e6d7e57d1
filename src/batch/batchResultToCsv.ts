import type { BatchResult } from './batchResult.js';

/** The columns of batch CSV output, in order; lists (concept ids, flags) are joined with `;`. */
export const BATCH_CSV_COLUMNS = Object.freeze([
  'id',
  'line',
  'rubric',
  'score',
  'maxScore',
  'ratio',
  'band',
  'passed',
  'met',
  'partial',
  'negated',
  'missing',
  'flags',
  'error',
] as const);

/** The CSV header line (ending in `\n`). */
export const BATCH_CSV_HEADER = `${BATCH_CSV_COLUMNS.join(',')}\n`;

/** Quote a field (RFC 4180) when it holds a comma, a quote or a line break. */
function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One batch result as a CSV record (ending in `\n`) in the order of `BATCH_CSV_COLUMNS`: an error row leaves
 * score … flags empty, a graded row leaves `error` empty.
 * @example process.stdout.write(BATCH_CSV_HEADER + results.map(batchResultToCsv).join(''));
 */
export function batchResultToCsv(result: BatchResult): string {
  const head = [result.id, result.line, result.rubric];
  const cells =
    result.error !== undefined
      ? [...head, null, null, null, null, null, null, null, null, null, null, result.error]
      : [
          ...head,
          result.score,
          result.maxScore,
          result.ratio,
          result.band,
          result.passed,
          result.met.join(';'),
          result.partial.join(';'),
          result.negated.join(';'),
          result.missing.join(';'),
          result.flags.join(';'),
          null,
        ];
  return `${cells.map(field).join(',')}\n`;
}
