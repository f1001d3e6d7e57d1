import type { Rubric } from '../rubric/schema.js';

/** One human-marked answer, as built in code or read from a JSONL/CSV row; `checkMarked` validates every field. */
export interface MarkedAnswer {
  answer: string;
  /** The human's score on the rubric's scale: a number, or numeric text as read from CSV. */
  score: number | string;
  /** Concept ids the human credited: an array, or `;`-separated text (CSV). Leave out when concepts were not marked. */
  concepts?: readonly string[] | string | null | undefined;
  /** Line of the row in its file, named when the row is skipped (default: its 1-based position). */
  line?: number | undefined;
}

/** A marked row that could not be used, with the reason. */
export interface SkippedRow {
  line: number;
  message: string;
}

/** A marked answer that passed the checks: a score within the rubric's range and known concept ids. */
export interface CheckedAnswer {
  line: number;
  answer: string;
  score: number;
  /** Concepts the human credited; undefined when the row marks none (not even an empty list). */
  concepts?: string[];
}

/** A score written in decimal: digits with an optional sign, point and exponent. */
const DECIMAL = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i;

function scoreOf(value: unknown): number | string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return 'missing score';
  // A decimal number only: `Number` would also read "0x2" and "0b10".
  const score =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DECIMAL.test(value)
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(score) ? score : `score ${JSON.stringify(value)} is not a number`;
}

function conceptsOf(value: unknown): string[] | undefined | { error: string } {
  if (value === undefined || value === null) return undefined;
  // Blank ids are dropped and each id is kept once, from ";"-separated text and from a list alike.
  const ids = (list: readonly string[]) => [...new Set(list.map((id) => id.trim()).filter(Boolean))];
  if (typeof value === 'string') return ids(value.split(';'));
  if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return ids(value);
  return { error: 'concepts must be a list of concept ids or ";"-separated text' };
}

/**
 * Split marked answers into usable rows and skipped ones: a row needs a non-blank `answer`, a numeric `score`
 * between 0 and `maxScore`, and concept ids (if any) that the rubric defines.
 */
export function checkMarked(
  rubric: Rubric,
  maxScore: number,
  marked: Iterable<MarkedAnswer>,
): { answers: CheckedAnswer[]; skipped: SkippedRow[] } {
  const known = new Set(rubric.concepts.map((c) => c.id));
  const answers: CheckedAnswer[] = [];
  const skipped: SkippedRow[] = [];
  let position = 0;
  for (const row of marked) {
    position++;
    const line = row.line ?? position;
    const skip = (message: string) => skipped.push({ line, message });
    if (typeof row.answer !== 'string' || row.answer.trim() === '') {
      skip(
        row.answer === undefined || row.answer === null || typeof row.answer === 'string'
          ? 'missing answer'
          : 'answer must be text',
      );
      continue;
    }
    const score = scoreOf(row.score);
    if (typeof score === 'string') {
      skip(score);
      continue;
    }
    if (score < 0 || score > maxScore + 1e-9) {
      skip(`score ${score} is outside the rubric's range 0–${maxScore}`);
      continue;
    }
    const concepts = conceptsOf(row.concepts);
    if (concepts !== undefined && !Array.isArray(concepts)) {
      skip(concepts.error);
      continue;
    }
    const unknown = concepts?.filter((id) => !known.has(id)) ?? [];
    if (unknown.length > 0) {
      skip(`unknown concept ${unknown.map((id) => `"${id}"`).join(', ')}`);
      continue;
    }
    answers.push({ line, answer: row.answer, score, ...(concepts ? { concepts } : {}) });
  }
  return { answers, skipped };
}
