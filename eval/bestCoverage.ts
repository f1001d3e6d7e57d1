import type { ConceptResult } from '../src/report/types.js';

/** What coverage reads of a grade: a report, or the scorer's result (the naive peer's grades are those). */
export interface Graded {
  ratio: number;
  concepts: readonly Pick<ConceptResult, 'required' | 'status'>[];
}

/**
 * An answer's coverage of one question: the best over its references' grades of the ratio times the reference's
 * weight, a grade counting only when every concept it marks `required` is met.
 */
export function bestCoverage(grades: readonly Graded[], weights: readonly number[]): number {
  return grades.reduce(
    (best, g, i) =>
      g.concepts.every((c) => !c.required || c.status === 'met')
        ? Math.max(best, (weights[i] ?? 1) * g.ratio)
        : best,
    0,
  );
}
