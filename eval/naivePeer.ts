import { compileNaive, naiveGrade } from '../bench/naiveGrade.js';
import { pearson } from '../src/calibrate/pearson.js';
import type { CompiledRubric } from '../src/rubric/compileRubric.js';
import { bestCoverage } from './bestCoverage.js';
import { questionKey, type SafSplit } from './datasets.js';
import type { SafGraded } from './evaluateSaf.js';
import type { DraftedQuestion, SemEvalGraded } from './evaluateSemEval.js';

/**
 * The naive peer of the benchmark (bench/naiveGrade.ts: a concept is met when every word of one of its patterns is
 * a substring of the lower-cased answer) graded with the same rubrics as rubricate, so that the two differ only in
 * how they find concepts: its agreement with the human markers, beside rubricate's.
 */

/** The naive peer's Pearson r with the human's normalized score, per SAF split (the engine's rubrics, ratio as score). */
export function safNaivePearson(
  graded: readonly SafGraded[],
  rubrics: ReadonlyMap<string, CompiledRubric>,
): Map<SafSplit, number> {
  const naive = new Map([...rubrics].map(([id, compiled]) => [id, compileNaive(compiled.rubric)]));
  const bySplit = new Map<SafSplit, { human: number[]; naive: number[] }>();
  for (const { row, human } of graded) {
    const rubric = naive.get(row.questionId);
    if (!rubric) throw new Error(`rubricate: no rubric for SAF question ${row.questionId}`);
    const result = naiveGrade(rubric, row.studentAnswer);
    const split = bySplit.get(row.split) ?? { human: [], naive: [] };
    bySplit.set(row.split, split);
    split.human.push(human);
    split.naive.push(result.maxScore === 0 ? 0 : result.score / result.maxScore);
  }
  return new Map([...bySplit].map(([split, xs]) => [split, pearson(xs.human, xs.naive)]));
}

/**
 * The naive peer's coverage of each graded row, read as rubricate's is (`bestCoverage`): the best over its question's
 * drafted rubrics of the naive ratio times the reference's `REFERENCE_WEIGHT`, required concepts gating.
 */
export function semEvalNaiveCoverage(
  graded: readonly SemEvalGraded[],
  drafted: ReadonlyMap<string, DraftedQuestion>,
): number[] {
  const naive = new Map(
    [...drafted].map(([key, question]) => [key, question.rubrics.map((c) => compileNaive(c.rubric))]),
  );
  return graded.map(({ row }) => {
    const key = questionKey(row);
    const grades = (naive.get(key) ?? []).map((rubric) => naiveGrade(rubric, row.studentAnswer));
    return bestCoverage(grades, drafted.get(key)?.weights ?? []);
  });
}
