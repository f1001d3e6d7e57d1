import { confusionMatrix } from './confusionMatrix.js';

/** Precision, recall and F1 of one label, with its support (number of actual occurrences). */
export interface LabelScores<L> {
  label: L;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-label scores in `labels` order, their unweighted mean F1 and their support-weighted mean F1. */
export interface ClassificationScores<L> {
  perLabel: LabelScores<L>[];
  macroF1: number;
  weightedF1: number;
}

const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : numerator / denominator;

/**
 * Per-label precision, recall and F1 plus macro and weighted F1. A zero denominator gives 0 (scikit-learn's
 * `zero_division=0`), so a label never predicted scores 0; macroF1 is NaN without labels, weightedF1 without input.
 */
export function precisionRecallF1<L>(
  actual: readonly L[],
  predicted: readonly L[],
  labels: readonly L[],
): ClassificationScores<L> {
  const counts = confusionMatrix(actual, predicted, labels);
  const perLabel = labels.map((label, i) => {
    let predictedCount = 0;
    let support = 0;
    for (let j = 0; j < labels.length; j++) {
      predictedCount += counts[j]?.[i] ?? 0;
      support += counts[i]?.[j] ?? 0;
    }
    const truePositives = counts[i]?.[i] ?? 0;
    const precision = ratio(truePositives, predictedCount);
    const recall = ratio(truePositives, support);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const macroF1 = perLabel.reduce((sum, s) => sum + s.f1, 0) / perLabel.length;
  const weightedF1 = perLabel.reduce((sum, s) => sum + s.f1 * s.support, 0) / actual.length;
  return { perLabel, macroF1, weightedF1 };
}
