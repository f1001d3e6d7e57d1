import { assertPaired } from './assertPaired.js';

/** Rating scale bounds for `quadraticWeightedKappa`; each defaults to the extreme rating seen in either sample. */
export interface KappaOptions {
  min?: number;
  max?: number;
}

/**
 * Quadratic weighted kappa between two raters: 1 = perfect agreement, 0 = chance, below 0 = worse than chance.
 * Ratings are rounded to integers; NaN when the input is empty or chance disagreement is zero (one rating only).
 * @example quadraticWeightedKappa([0, 0, 1, 1], [0, 1, 1, 1]) // 0.5
 */
export function quadraticWeightedKappa(
  a: readonly number[],
  b: readonly number[],
  options: KappaOptions = {},
): number {
  assertPaired('quadraticWeightedKappa', a, b);
  const n = a.length;
  if (n === 0) return Number.NaN;
  const ra = a.map(Math.round);
  const rb = b.map(Math.round);
  const seen = [...ra, ...rb];
  const min = Math.round(options.min ?? seen.reduce((m, r) => Math.min(m, r)));
  const max = Math.round(options.max ?? seen.reduce((m, r) => Math.max(m, r)));
  const k = max - min + 1;
  const histA = new Array<number>(k).fill(0);
  const histB = new Array<number>(k).fill(0);
  let observed = 0;
  for (let i = 0; i < n; i++) {
    const x = (ra[i] as number) - min;
    const y = (rb[i] as number) - min;
    if (x < 0 || x >= k || y < 0 || y >= k) {
      throw new Error(
        `rubricate: quadraticWeightedKappa rating ${a[i]} or ${b[i]} at index ${i} is outside [${min}, ${max}]`,
      );
    }
    histA[x] = (histA[x] as number) + 1;
    histB[y] = (histB[y] as number) + 1;
    observed += (x - y) ** 2;
  }
  let expected = 0;
  for (let x = 0; x < k; x++) {
    for (let y = 0; y < k; y++) expected += ((x - y) ** 2 * (histA[x] as number) * (histB[y] as number)) / n;
  }
  return expected === 0 ? Number.NaN : 1 - observed / expected;
}
