import { assertPaired } from './assertPaired.js';

/** Root-mean-square difference between paired values (0 = identical); NaN when the input is empty. */
export function rmse(a: readonly number[], b: readonly number[]): number {
  assertPaired('rmse', a, b);
  if (a.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum / a.length);
}
