import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibrate/calibrate.js';
import { renderCalibration } from '../../src/calibrate/renderCalibration.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';

const rubric = parseRubric(
  readFileSync(new URL('../fixtures/calibrate/safer-deploys.yaml', import.meta.url), 'utf8'),
);
const result = calibrate(rubric, [
  { answer: 'Canary releases, automated rollbacks, and we limit the impact of a bad change.', score: 3 },
  { answer: 'We use canary releases.\u001b[31m', score: 2, concepts: ['canary', 'rollback'] },
  { answer: 'Nothing special, we test in production.', score: 0 },
  { answer: 'Deploy on Friday evening.', score: 'many' },
]);

describe('renderCalibration', () => {
  it('renders aligned figures, the confusion matrix, concepts and the worst disagreements as text', () => {
    expect(renderCalibration(result, 'text')).toMatchInlineSnapshot(`
      "Calibration of Safer deployments (test/safer-deploys)
      3 marked answers compared, 1 row skipped; scores rounded to 0, 1, 2, 3

      Exact agreement       66.7%  same score step
      Adjacent agreement    100%   at most one step apart
      Quadratic kappa       0.897  1 perfect, 0 chance, < 0 worse than chance
      Pearson r             0.929  of the unrounded scores
      Mean human score      1.67   of 3
      Mean rubricate score  1.33   of 3

      Scores: rows human, columns rubricate
      human╲rubricate  0  1  2  3
      0                1  0  0  0
      1                0  0  0  0
      2                0  1  0  0
      3                0  0  0  1

      Concepts (human marks on 1 answer)
      concept   precision  recall    F1  human  rubricate
      canary         1.00    1.00  1.00      1          1
      rollback       0.00    0.00  0.00      1          0
      impact         0.00    0.00  0.00      0          0

      Worst disagreements
      line 2: human 2, rubricate 1 (−1)
        "We use canary releases."
        ✓ Met     canary  "canary" ← canary
        ✗ Missing rollback
        ✗ Missing impact
        human credited, rubricate did not: rollback
      "
    `);
  });

  it('shows a gap below 0.005 with two significant digits, not as 0', () => {
    const close = calibrate(rubric, [
      {
        answer: 'Canary releases, automated rollbacks, and we limit the impact of a bad change.',
        score: 2.999,
      },
    ]);
    expect(renderCalibration(close, 'text')).toContain('line 1: human 3, rubricate 3 (+0.001)');
  });

  it('colours text only when asked', () => {
    expect(renderCalibration(result, 'text')).not.toContain('\u001b');
    expect(renderCalibration(result, 'text', { color: true })).toContain('\u001b[1m');
  });

  it('renders json as the result, with null for a figure that cannot be computed', () => {
    expect(JSON.parse(renderCalibration(result, 'json'))).toEqual(result);
    expect(JSON.parse(renderCalibration(calibrate(rubric, []), 'json'))).toMatchObject({ n: 0, qwk: null });
  });
});
