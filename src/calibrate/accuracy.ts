import { assertPaired } from './assertPaired.js';

/** Share of predictions equal to the actual label, in [0, 1]; NaN when the input is empty. */
export function accuracy<L>(actual: readonly L[], predicted: readonly L[]): number {
  assertPaired('accuracy', actual, predicted);
  if (actual.length === 0) return Number.NaN;
  let correct = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) correct++;
  return correct / actual.length;
}
