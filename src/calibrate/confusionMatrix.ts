import { assertPaired } from './assertPaired.js';

/** Counts `[actual][predicted]`, both indexed in `labels` order; throws on a value missing from `labels`. */
export function confusionMatrix<L>(
  actual: readonly L[],
  predicted: readonly L[],
  labels: readonly L[],
): number[][] {
  assertPaired('confusionMatrix', actual, predicted);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  const indexOf = (label: L): number => {
    const i = index.get(label);
    if (i === undefined)
      throw new Error(`rubricate: confusionMatrix got label ${String(label)} not in labels`);
    return i;
  };
  for (let i = 0; i < actual.length; i++) {
    const row = counts[indexOf(actual[i] as L)] as number[];
    const column = indexOf(predicted[i] as L);
    row[column] = (row[column] as number) + 1;
  }
  return counts;
}
