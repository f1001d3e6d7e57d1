import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  adjacentAgreement,
  confusionMatrix,
  exactAgreement,
  pearson,
  precisionRecallF1,
  quadraticWeightedKappa,
  rmse,
} from '../../src/calibrate/metrics.js';

describe('pearson', () => {
  it('matches a hand-computed correlation', () => {
    // deviations (-2,-1,0,1,2) and (-2,0,1,0,1): covariance sum 6, variance sums 10 and 6.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  it('is 1 and -1 for exact linear relations', () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 1, -1])).toBeCloseTo(-1, 12);
  });

  it('is NaN for empty input and zero variance', () => {
    expect(pearson([], [])).toBeNaN();
    expect(pearson([2, 2, 2], [1, 2, 3])).toBeNaN();
    // Constant samples whose mean comes out rounded (0.1 × 3 / 3 is not 0.1 in floating point).
    expect(pearson([0.1, 0.1, 0.1], [0.7, 0.7, 0.7])).toBeNaN();
    expect(pearson([0.7, 0.7, 0.7], [3, 2, 0])).toBeNaN();
  });

  it('throws on samples of different length', () => {
    expect(() => pearson([1, 2], [1])).toThrowError(
      'rubricate: pearson needs samples of equal length, got 2 and 1',
    );
  });
});

describe('rmse', () => {
  it('matches a hand-computed error', () => {
    // differences 1, 0, 2 → mean square 5/3.
    expect(rmse([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('is 0 for identical samples and NaN for empty ones', () => {
    expect(rmse([0.5, 3], [0.5, 3])).toBe(0);
    expect(rmse([], [])).toBeNaN();
  });
});

describe('quadraticWeightedKappa', () => {
  it('equals Cohen kappa on a binary table', () => {
    // observed agreement 0.75, chance agreement (2·1 + 2·3) / 16 = 0.5 → κ = 0.5.
    expect(quadraticWeightedKappa([0, 0, 1, 1], [0, 1, 1, 1])).toBeCloseTo(0.5, 12);
  });

  it('matches a hand-computed 3-level table', () => {
    // observed weighted disagreement 2; expected Σ(i−j)²·hA_i·hB_j / n = 22 / 4 → κ = 1 − 2 / 5.5 = 7/11.
    expect(quadraticWeightedKappa([0, 1, 2, 2], [0, 2, 2, 1])).toBeCloseTo(7 / 11, 12);
  });

  it('is 1 for perfect agreement and negative for reversed ratings', () => {
    expect(quadraticWeightedKappa([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(quadraticWeightedKappa([1, 2, 3], [3, 2, 1])).toBeLessThan(0);
  });

  it('rounds ratings and uses the given scale bounds', () => {
    expect(quadraticWeightedKappa([0.2, 0.4, 0.6, 1.1], [0, 1.4, 0.9, 0.8])).toBeCloseTo(0.5, 12);
    // With bounds 0..4 the same pairs give the same κ: unused levels change no count.
    expect(quadraticWeightedKappa([0, 1, 2, 2], [0, 2, 2, 1], { min: 0, max: 4 })).toBeCloseTo(7 / 11, 12);
  });

  it('throws on a rating outside the given bounds', () => {
    expect(() => quadraticWeightedKappa([0, 5], [0, 1], { min: 0, max: 4 })).toThrowError(
      'rubricate: quadraticWeightedKappa rating 5 or 1 at index 1 is outside [0, 4]',
    );
  });

  it('is NaN for empty input and when both raters use one rating', () => {
    expect(quadraticWeightedKappa([], [])).toBeNaN();
    expect(quadraticWeightedKappa([2, 2], [2, 2])).toBeNaN();
  });

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1 }),
  ])('is symmetric and at most 1', (pairs) => {
    const a = pairs.map(([x]) => x);
    const b = pairs.map(([, y]) => y);
    const kappa = quadraticWeightedKappa(a, b);
    if (Number.isNaN(kappa)) return;
    expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
    expect(quadraticWeightedKappa(b, a)).toBeCloseTo(kappa, 12);
  });
});

describe('exactAgreement and adjacentAgreement', () => {
  const a = [0, 1, 2, 3];
  const b = [0, 2, 4, 3];

  it('count equal and near ratings', () => {
    expect(exactAgreement(a, b)).toBe(0.5);
    expect(adjacentAgreement(a, b)).toBe(0.75);
    expect(adjacentAgreement(a, b, 2)).toBe(1);
  });

  it('are NaN for empty input', () => {
    expect(exactAgreement([], [])).toBeNaN();
    expect(adjacentAgreement([], [])).toBeNaN();
  });
});

describe('classification metrics', () => {
  const actual = ['a', 'a', 'b', 'b', 'c'];
  const predicted = ['a', 'b', 'b', 'b', 'a'];
  const labels = ['a', 'b', 'c'];

  it('confusionMatrix counts [actual][predicted] in label order', () => {
    expect(confusionMatrix(actual, predicted, labels)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
  });

  it('confusionMatrix throws on a label not listed', () => {
    expect(() => confusionMatrix(['a'], ['z'], ['a'])).toThrowError(
      'rubricate: confusionMatrix got label z not in labels',
    );
  });

  it('accuracy is the share of exact matches, NaN when empty', () => {
    expect(accuracy(actual, predicted)).toBe(3 / 5);
    expect(accuracy([], [])).toBeNaN();
  });

  it('precisionRecallF1 matches hand-computed per-label, macro and weighted scores', () => {
    const scores = precisionRecallF1(actual, predicted, labels);
    expect(scores.perLabel).toEqual([
      { label: 'a', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { label: 'b', precision: 2 / 3, recall: 1, f1: expect.closeTo(0.8, 12), support: 2 },
      { label: 'c', precision: 0, recall: 0, f1: 0, support: 1 },
    ]);
    expect(scores.macroF1).toBeCloseTo(1.3 / 3, 12);
    expect(scores.weightedF1).toBeCloseTo(2.6 / 5, 12);
  });

  it('precisionRecallF1 gives 0 for zero denominators and NaN averages for empty input', () => {
    const scores = precisionRecallF1<string>([], [], ['x']);
    expect(scores.perLabel).toEqual([{ label: 'x', precision: 0, recall: 0, f1: 0, support: 0 }]);
    expect(scores.macroF1).toBe(0);
    expect(scores.weightedF1).toBeNaN();
  });
});
