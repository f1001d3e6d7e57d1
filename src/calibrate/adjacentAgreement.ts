import { assertPaired } from './assertPaired.js';

/** Share of pairs whose ratings differ by at most `tolerance`, in [0, 1]; NaN when the input is empty. */
export function adjacentAgreement(a: readonly number[], b: readonly number[], tolerance = 1): number {
  assertPaired('adjacentAgreement', a, b);
  if (a.length === 0) return Number.NaN;
  let agreeing = 0;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs((a[i] as number) - (b[i] as number)) <= tolerance) agreeing++;
  }
  return agreeing / a.length;
}
