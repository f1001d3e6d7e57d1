import { InputError } from '../errors.js';
import { grade } from '../grade.js';
import type { ConceptResult, MisconceptionResult } from '../report/types.js';
import { type CompiledRubric, compileRubric } from '../rubric/compileRubric.js';
import type { Rubric, RubricInput } from '../rubric/schema.js';
import { scoreRubric } from '../score/scoreRubric.js';
import { adjacentAgreement } from './adjacentAgreement.js';
import { checkMarked, type MarkedAnswer, type SkippedRow } from './checkMarked.js';
import { confusionMatrix } from './confusionMatrix.js';
import { exactAgreement } from './exactAgreement.js';
import { pearson } from './pearson.js';
import { precisionRecallF1 } from './precisionRecallF1.js';
import { quadraticWeightedKappa } from './quadraticWeightedKappa.js';
import { nearestLevel, scoreLevels } from './scoreLevels.js';

/** Options for `calibrate`. */
export interface CalibrateOptions {
  /** How many of the largest disagreements to return (default 5). */
  worst?: number;
}

/** How well the rubric finds one concept, judged against the concepts humans credited. */
export interface ConceptAgreement {
  id: string;
  label: string;
  /** Of the answers rubricate credits with the concept, the share the human credited too (0 when it credits none). */
  precision: number;
  /** Of the answers the human credited with the concept, the share rubricate credits too (0 when the human credits none). */
  recall: number;
  f1: number;
  /** Answers the human credited with the concept. */
  human: number;
  /** Answers rubricate credited with the concept (met or partial). */
  rubricate: number;
}

/** One marked answer where rubricate's score differs from the human's, with what rubricate found in it. */
export interface Disagreement {
  line: number;
  answer: string;
  human: number;
  rubricate: number;
  /** Concepts the human credited that rubricate did not (only when the row marks concepts). */
  missing: string[];
  /** Concepts rubricate credited that the human did not (only when the row marks concepts). */
  extra: string[];
  /** Every concept's status and evidence, as in the grade report. */
  concepts: ConceptResult[];
  /** Misconceptions rubricate found in the answer. */
  misconceptions: MisconceptionResult[];
}

/**
 * Agreement between rubricate and human markers. Scores are compared rounded to `levels` (the rubric's scale
 * steps, or whole points) for the agreements, kappa and confusion matrix, and as given for Pearson r.
 * A figure that cannot be computed (no answers, or one level only) is NaN (null in JSON).
 */
export interface Calibration {
  rubric: { id: string; title: string };
  /** Marked answers compared. */
  n: number;
  maxScore: number;
  /** The score scale scores are rounded to, ascending. */
  levels: number[];
  /** Share of answers on the same level. */
  exact: number;
  /** Share of answers at most one level apart. */
  adjacent: number;
  /** Quadratic weighted kappa of the levels: 1 perfect, 0 chance, below 0 worse than chance. */
  qwk: number;
  /** Pearson correlation of the scores. */
  pearson: number;
  meanHuman: number;
  meanRubricate: number;
  /** Counts `[human level][rubricate level]`, both in `levels` order. */
  confusion: number[][];
  /** Answers whose row marks concepts (the base of `concepts`). */
  conceptMarked: number;
  /** Per concept, in rubric order; empty when no row marks concepts. */
  concepts: ConceptAgreement[];
  /** The largest score differences, largest first (ties in file order). */
  worst: Disagreement[];
  /** Rows that could not be used, in input order. */
  skipped: SkippedRow[];
}

const mean = (xs: readonly number[]) =>
  xs.length === 0 ? Number.NaN : xs.reduce((sum, x) => sum + x, 0) / xs.length;

/**
 * Grade human-marked answers with a rubric and measure the agreement: exact and adjacent agreement,
 * quadratic weighted kappa, Pearson r, the confusion matrix, per-concept precision/recall/F1 (where rows mark
 * concepts) and the worst disagreements. Bad rows are skipped and listed, never thrown.
 * @example
 * const result = calibrate(rubric, [{ answer: 'Deployment frequency and MTTR.', score: 2, concepts: ['mttr'] }]);
 * result.qwk; result.worst[0]?.line;
 */
export function calibrate(
  rubric: Rubric | RubricInput | CompiledRubric,
  marked: Iterable<MarkedAnswer>,
  options: CalibrateOptions = {},
): Calibration {
  const worstCount = options.worst ?? 5;
  if (!Number.isInteger(worstCount) || worstCount < 0)
    throw new InputError('bad-option', `rubricate: worst must be a whole number ≥ 0, got ${worstCount}`);
  const compiled = compileRubric(rubric);
  const spec = compiled.rubric;
  const { maxScore } = scoreRubric(spec, { concepts: [], misconceptions: [] });
  const levels = scoreLevels(spec, maxScore);
  const { answers, skipped } = checkMarked(spec, maxScore, marked);
  const reports = answers.map((a) => grade(compiled, a.answer, { onTooLong: 'truncate' }));
  const human = answers.map((a) => a.score);
  const machine = reports.map((r) => r.score);
  const humanLevels = human.map((s) => nearestLevel(levels, s));
  const machineLevels = machine.map((s) => nearestLevel(levels, s));
  const levelIndices = levels.map((_, i) => i);

  const credited = reports.map(
    (r) => new Set(r.concepts.filter((c) => c.status === 'met' || c.status === 'partial').map((c) => c.id)),
  );
  const conceptRows = answers.flatMap((a, i) => (a.concepts ? [{ marks: new Set(a.concepts), i }] : []));
  const concepts: ConceptAgreement[] =
    conceptRows.length === 0
      ? []
      : spec.concepts.map((concept) => {
          const actual = conceptRows.map((row) => row.marks.has(concept.id));
          const predicted = conceptRows.map((row) => credited[row.i]?.has(concept.id) ?? false);
          const scores = precisionRecallF1(actual, predicted, [true, false]).perLabel[0];
          return {
            id: concept.id,
            label: concept.label,
            precision: scores?.precision ?? 0,
            recall: scores?.recall ?? 0,
            f1: scores?.f1 ?? 0,
            human: actual.filter(Boolean).length,
            rubricate: predicted.filter(Boolean).length,
          };
        });

  const worst = answers
    .map((a, i) => ({ a, i, gap: Math.abs((machine[i] as number) - a.score) }))
    .filter((d) => d.gap > 1e-9)
    .sort((x, y) => y.gap - x.gap || x.a.line - y.a.line)
    .slice(0, worstCount)
    .map(({ a, i }): Disagreement => {
      const report = reports[i] as (typeof reports)[number];
      const found = credited[i] as Set<string>;
      const marks = a.concepts ?? [];
      return {
        line: a.line,
        answer: a.answer,
        human: a.score,
        rubricate: report.score,
        missing: marks.filter((id) => !found.has(id)),
        extra: a.concepts ? [...found].filter((id) => !marks.includes(id)) : [],
        concepts: report.concepts,
        misconceptions: report.misconceptions.filter((m) => m.triggered),
      };
    });

  return {
    rubric: { id: spec.id, title: spec.title },
    n: answers.length,
    maxScore,
    levels,
    exact: exactAgreement(humanLevels, machineLevels),
    adjacent: adjacentAgreement(humanLevels, machineLevels, 1),
    qwk: quadraticWeightedKappa(humanLevels, machineLevels, { min: 0, max: levels.length - 1 }),
    pearson: pearson(human, machine),
    meanHuman: mean(human),
    meanRubricate: mean(machine),
    confusion: confusionMatrix(humanLevels, machineLevels, levelIndices),
    conceptMarked: conceptRows.length,
    concepts,
    worst,
    skipped,
  };
}
