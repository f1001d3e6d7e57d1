import type { Band, ConceptStatus, Flag, GradeReport } from '../report/types.js';

/** One answer for `gradeBatch`: the answer, optionally an id and the rubric (bundled id or rubric file) to grade it with. */
export interface BatchRow {
  id?: string | number;
  answer: string;
  /** A bundled id (`devops/kpis`) or a `.yaml`/`.json` file; rows without one use the `rubric` option. */
  rubric?: string;
}

/** A graded batch row: the report's score, band and concept ids by status, without evidence. */
export interface BatchGraded {
  /** The row's id as a string, `null` when it has none. */
  id: string | null;
  /** The row's input line (the CLI) or its 1-based position (`gradeBatch`). */
  line: number;
  /** The id of the rubric it was graded with. */
  rubric: string;
  score: number;
  maxScore: number;
  ratio: number;
  band: Band;
  passed: boolean;
  /** Ids of the concepts met, in rubric order; likewise `partial`, `negated` and `missing`. */
  met: string[];
  partial: string[];
  negated: string[];
  missing: string[];
  flags: Flag[];
  /** The full report (with evidence), present only with the `reports` option. */
  report?: GradeReport;
  error?: undefined;
}

/** A batch row that could not be graded, and why; the message starts with `line N: `. */
export interface BatchFailed {
  id: string | null;
  line: number;
  /** The rubric's id, or the rubric reference as the row named it, or `null` when there was none. */
  rubric: string | null;
  error: string;
  report?: undefined;
}

/** One result of a batch: graded, or an error row (tell them apart by `error`). */
export type BatchResult = BatchGraded | BatchFailed;

function conceptIds(report: GradeReport, status: ConceptStatus): string[] {
  return report.concepts.filter((concept) => concept.status === status).map((concept) => concept.id);
}

/** The batch result for one graded report, with the report attached when `withReport` is true. */
export function batchGraded(
  row: { line: number; id: string | null },
  report: GradeReport,
  withReport: boolean,
): BatchGraded {
  return {
    id: row.id,
    line: row.line,
    rubric: report.rubric.id,
    score: report.score,
    maxScore: report.maxScore,
    ratio: report.ratio,
    band: report.band,
    passed: report.passed,
    met: conceptIds(report, 'met'),
    partial: conceptIds(report, 'partial'),
    negated: conceptIds(report, 'negated'),
    missing: conceptIds(report, 'missing'),
    flags: report.flags,
    ...(withReport ? { report } : {}),
  };
}

/** An error row: `line N: ` and the error's message without its `rubricate: ` prefix. */
export function batchFailed(
  row: { line: number; id: string | null },
  rubric: string | null,
  error: unknown,
): BatchFailed {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id: row.id,
    line: row.line,
    rubric,
    error: `line ${row.line}: ${message.replace(/^rubricate: /, '')}`,
  };
}
