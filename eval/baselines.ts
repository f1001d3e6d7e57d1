import { accuracy } from '../src/calibrate/accuracy.js';
import { pearson } from '../src/calibrate/pearson.js';
import { precisionRecallF1 } from '../src/calibrate/precisionRecallF1.js';
import type { SafRow, SafSplit, SemEvalCorpus, SemEvalRow, SemEvalSplit } from './datasets.js';

/** The 2-way SemEval label: `correct` against `contradictory` and `incorrect` together. */
export type TwoWayLabel = 'correct' | 'incorrect';

/** Reference numbers from the datasets README, to print beside measured ones. */
export const BASELINE_REFERENCE = {
  semEvalMacroF1: {
    sciEntsBank: {
      'test-unseen-answers': 0.585,
      'test-unseen-questions': 0.641,
      'test-unseen-domains': 0.657,
    },
    beetle: { 'test-unseen-answers': 0.762, 'test-unseen-questions': 0.756 },
  },
  safPearson: { unseen_answers: 0.24, unseen_questions: 0.49 },
} as const;

const TWO_WAY_LABELS: readonly TwoWayLabel[] = ['correct', 'incorrect'];

// A short English function-word list; content words are what is left.
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not ' +
    'now of off on once only or other our ours ourselves out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);

/** Lower-cased word tokens of `text` (letters and digits), stop words removed. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
}

/** Share of the reference's distinct content words that occur in the answer, in [0, 1]; 0 for an empty reference. */
export function referenceCoverage(answer: string, reference: string): number {
  const answerWords = new Set(contentWords(answer));
  const referenceWords = new Set(contentWords(reference));
  if (referenceWords.size === 0) return 0;
  let found = 0;
  for (const word of referenceWords) if (answerWords.has(word)) found++;
  return found / referenceWords.size;
}

/** The highest `referenceCoverage` of the answer over several references; 0 when there are none. */
export function bestReferenceCoverage(answer: string, references: readonly string[]): number {
  return references.reduce((best, reference) => Math.max(best, referenceCoverage(answer, reference)), 0);
}

/** 2-way predictions: `correct` when the score reaches the threshold. */
export function classify(scores: readonly number[], threshold: number): TwoWayLabel[] {
  return scores.map((score) => (score >= threshold ? 'correct' : 'incorrect'));
}

/** 2-way macro-F1, weighted F1 and accuracy of predictions against gold labels. */
export interface TwoWayScores {
  macroF1: number;
  weightedF1: number;
  accuracy: number;
}

/** Scores 2-way predictions against gold labels. */
export function scoreTwoWay(gold: readonly TwoWayLabel[], predicted: readonly TwoWayLabel[]): TwoWayScores {
  const { macroF1, weightedF1 } = precisionRecallF1(gold, predicted, TWO_WAY_LABELS);
  return { macroF1, weightedF1, accuracy: accuracy(gold, predicted) };
}

/**
 * The threshold (one of the scores, or Infinity for "never correct") that maximises 2-way macro-F1 on the
 * given sample; ties go to the lowest threshold.
 */
export function tuneThreshold(scores: readonly number[], gold: readonly TwoWayLabel[]): number {
  const candidates = [...new Set(scores)].sort((x, y) => x - y);
  candidates.push(Number.POSITIVE_INFINITY);
  let best = Number.POSITIVE_INFINITY;
  let bestF1 = Number.NEGATIVE_INFINITY;
  for (const threshold of candidates) {
    const { macroF1 } = scoreTwoWay(gold, classify(scores, threshold));
    if (macroF1 > bestF1) {
      bestF1 = macroF1;
      best = threshold;
    }
  }
  return best;
}

/** The 2-way label of a SemEval row. */
export function twoWayLabel(row: SemEvalRow): TwoWayLabel {
  return row.label === 'correct' ? 'correct' : 'incorrect';
}

/** One corpus/split of the SemEval word-overlap baseline, scored with the threshold tuned on its corpus's train split. */
export interface SemEvalBaselineResult extends TwoWayScores {
  corpus: SemEvalCorpus;
  split: SemEvalSplit;
  size: number;
  threshold: number;
}

/**
 * SemEval word-overlap baseline: `bestReferenceCoverage` of each answer, a threshold tuned per corpus on `train`
 * only, then 2-way scores for every split of that corpus (train included, marked by its split).
 */
export function semEvalOverlapBaseline(rows: readonly SemEvalRow[]): SemEvalBaselineResult[] {
  const results: SemEvalBaselineResult[] = [];
  for (const corpus of [...new Set(rows.map((row) => row.corpus))]) {
    const corpusRows = rows.filter((row) => row.corpus === corpus);
    const train = corpusRows.filter((row) => row.split === 'train');
    if (train.length === 0)
      throw new Error(`rubricate: no train rows for corpus ${corpus} to tune a threshold on`);
    const threshold = tuneThreshold(train.map(overlapOf), train.map(twoWayLabel));
    for (const split of [...new Set(corpusRows.map((row) => row.split))]) {
      const splitRows = corpusRows.filter((row) => row.split === split);
      const scores = scoreTwoWay(splitRows.map(twoWayLabel), classify(splitRows.map(overlapOf), threshold));
      results.push({ corpus, split, size: splitRows.length, threshold, ...scores });
    }
  }
  return results;
}

function overlapOf(row: SemEvalRow): number {
  return bestReferenceCoverage(
    row.studentAnswer,
    row.referenceAnswers.map((reference) => reference.text),
  );
}

/** One split of the SAF word-overlap baseline. */
export interface SafBaselineResult {
  split: SafSplit;
  size: number;
  pearson: number;
}

/**
 * SAF word-overlap baseline: Pearson r, per split, between `referenceCoverage` of each answer and its
 * normalized score `score / maxScoreObserved`.
 */
export function safOverlapBaseline(rows: readonly SafRow[]): SafBaselineResult[] {
  return [...new Set(rows.map((row) => row.split))].map((split) => {
    const splitRows = rows.filter((row) => row.split === split);
    return {
      split,
      size: splitRows.length,
      pearson: pearson(
        splitRows.map((row) => referenceCoverage(row.studentAnswer, row.referenceAnswer)),
        splitRows.map((row) => row.score / row.maxScoreObserved),
      ),
    };
  });
}
