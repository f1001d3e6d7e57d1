import { assertPaired } from './assertPaired.js';

/** Pearson correlation in [-1, 1]; NaN when the input is empty or either sample is constant. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  assertPaired('pearson', a, b);
  const n = a.length;
  if (n === 0) return Number.NaN;
  let meanA = 0;
  let meanB = 0;
  // A constant sample is tested as such: its variance, from a rounded mean, need not come out exactly 0.
  let constantA = true;
  let constantB = true;
  for (let i = 0; i < n; i++) {
    meanA += a[i] as number;
    meanB += b[i] as number;
    constantA &&= a[i] === a[0];
    constantB &&= b[i] === b[0];
  }
  if (constantA || constantB) return Number.NaN;
  meanA /= n;
  meanB /= n;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - meanA;
    const db = (b[i] as number) - meanB;
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  }
  if (varianceA === 0 || varianceB === 0) return Number.NaN;
  return covariance / Math.sqrt(varianceA * varianceB);
}
