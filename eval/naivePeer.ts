import { compileNaive, type NaiveRubric, naiveGrade } from '../bench/naiveGrade.js';
import { pearson } from '../src/calibrate/pearson.js';
import { precisionRecallF1 } from '../src/calibrate/precisionRecallF1.js';
import type { CompiledRubric } from '../src/rubric/compileRubric.js';
import { tuneThreshold, twoWayLabel } from './baselines.js';
import { CORPORA, type SafSplit, SEMEVAL_SPLITS, type SemEvalCorpus, type SemEvalSplit } from './datasets.js';
import type { SafGraded } from './evaluateSaf.js';
import type { DraftedQuestion, SemEvalGraded } from './evaluateSemEval.js';

/**
 * The naive peer of the benchmark (bench/naiveGrade.ts: a concept is met when every word of one of its patterns is
 * a substring of the lower-cased answer) graded with the same rubrics as rubricate, so that the two differ only in
 * how they find concepts: its agreement with the human markers, beside rubricate's.
 */

/** A naive grade's ratio, or 0 when a concept the rubric marks `required` is not met (as `coverageOf` reads reports). */
function naiveCoverage(naive: NaiveRubric, answer: string): number {
  const result = naiveGrade(naive, answer);
  return result.concepts.every((c) => !c.required || c.status === 'met') ? result.ratio : 0;
}

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

/** The naive peer on SemEval: its threshold per corpus (tuned on `train`) and 2-way macro-F1 by `corpus split`. */
export interface SemEvalNaivePeer {
  thresholds: Record<SemEvalCorpus, number>;
  macroF1: Map<`${SemEvalCorpus} ${SemEvalSplit}`, number>;
}

/**
 * The naive peer's coverage of each graded row, read as rubricate's is: the best over its question's drafted rubrics
 * of the naive ratio times the reference's `REFERENCE_WEIGHT`, counting a rubric only when its required concepts are met.
 */
export function semEvalNaiveCoverage(
  graded: readonly SemEvalGraded[],
  drafted: ReadonlyMap<string, DraftedQuestion>,
): number[] {
  const naive = new Map(
    [...drafted].map(([key, question]) => [key, question.rubrics.map((c) => compileNaive(c.rubric))]),
  );
  return graded.map(({ row }) => {
    const key = `${row.corpus}/${row.questionId}`;
    const weights = drafted.get(key)?.weights ?? [];
    return (naive.get(key) ?? []).reduce(
      (best, rubric, i) => Math.max(best, (weights[i] ?? 1) * naiveCoverage(rubric, row.studentAnswer)),
      0,
    );
  });
}

/**
 * The naive peer with the drafted rubrics, labelled as rubricate is: correct when its coverage
 * (`semEvalNaiveCoverage`) reaches a threshold per corpus tuned for 2-way macro-F1 on `train` (NaN, and no splits,
 * for a corpus without `train` rows).
 */
export function semEvalNaivePeer(
  graded: readonly SemEvalGraded[],
  drafted: ReadonlyMap<string, DraftedQuestion>,
): SemEvalNaivePeer {
  const coverage = semEvalNaiveCoverage(graded, drafted);
  const thresholds = { sciEntsBank: Number.NaN, beetle: Number.NaN };
  const macroF1: SemEvalNaivePeer['macroF1'] = new Map();
  for (const corpus of CORPORA) {
    const rowsOf = (split: SemEvalSplit) =>
      graded.flatMap((g, i) => (g.row.corpus === corpus && g.row.split === split ? [i] : []));
    const train = rowsOf('train');
    if (train.length === 0) continue;
    const threshold = tuneThreshold(
      train.map((i) => coverage[i] as number),
      train.map((i) => twoWayLabel((graded[i] as SemEvalGraded).row)),
    );
    thresholds[corpus] = threshold;
    for (const split of SEMEVAL_SPLITS) {
      const part = rowsOf(split);
      if (part.length === 0) continue;
      const { macroF1: f1 } = precisionRecallF1(
        part.map((i) => twoWayLabel((graded[i] as SemEvalGraded).row)),
        part.map((i) => ((coverage[i] as number) >= threshold ? 'correct' : 'incorrect')),
        ['correct', 'incorrect'],
      );
      macroF1.set(`${corpus} ${split}`, f1);
    }
  }
  return { thresholds, macroF1 };
}
