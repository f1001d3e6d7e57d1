import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safOverlapBaseline } from '../../eval/baselines.js';
import { datasetsDir, loadSaf, SAF_FILE, type SafSplit } from '../../eval/datasets.js';
import { evaluateSaf, type SafEvaluation, tuneCutPoints, verdictOf } from '../../eval/evaluateSaf.js';

const RUBRIC_DIR = path.resolve(import.meta.dirname, '../../eval/rubrics/saf');
const DATA_FILE = path.join(datasetsDir(), SAF_FILE);
const HAVE_DATA = existsSync(DATA_FILE);
const SKIP_REASON = HAVE_DATA ? '' : ` [skipped: ${DATA_FILE} not found; set RUBRICATE_DATASETS]`;

/**
 * Pearson r of the normalized SAF scores as measured by `npm run eval` (docs/ACCURACY.md). The test fails when a
 * split drops more than TOLERANCE below these. To update after a real improvement (or an accepted regression),
 * run `npm run eval`, copy the Pearson r column of the SAF table here, and say why in the commit message.
 */
const MEASURED_PEARSON: Record<SafSplit, number> = {
  training: 0.719,
  unseen_answers: 0.668,
  unseen_questions: 0.718,
};
const TOLERANCE = 0.02;

let evaluation: Promise<{ saf: SafEvaluation; baseline: Map<SafSplit, number> }> | undefined;
function evaluate() {
  evaluation ??= (async () => {
    const rows = await loadSaf();
    const saf = await evaluateSaf(rows, RUBRIC_DIR);
    const baseline = new Map(safOverlapBaseline(rows).map((b) => [b.split, b.pearson]));
    return { saf, baseline };
  })();
  return evaluation;
}

describe('SAF accuracy regression floor', () => {
  for (const split of Object.keys(MEASURED_PEARSON) as SafSplit[]) {
    it.skipIf(!HAVE_DATA)(
      `${split}: Pearson r ≥ ${MEASURED_PEARSON[split]} − ${TOLERANCE}, above the word-overlap baseline and above the naive peer with the same rubrics${SKIP_REASON}`,
      async () => {
        const { saf, baseline } = await evaluate();
        const metrics = saf.splits.find((s) => s.split === split);
        expect(metrics, `no ${split} rows`).toBeDefined();
        if (!metrics) return;
        expect(metrics.pearson).toBeGreaterThanOrEqual(MEASURED_PEARSON[split] - TOLERANCE);
        expect(metrics.pearson).toBeGreaterThan(baseline.get(split) ?? Number.POSITIVE_INFINITY);
        expect(metrics.pearson).toBeGreaterThan(saf.naivePearson.get(split) ?? Number.POSITIVE_INFINITY);
      },
      60_000,
    );
  }

  it.skipIf(!HAVE_DATA)(
    `grades every row and tunes the cut points on training only${SKIP_REASON}`,
    async () => {
      const { saf } = await evaluate();
      const rows = saf.graded.length;
      expect(saf.splits.reduce((sum, s) => sum + s.n, 0)).toBe(rows);
      for (const g of saf.graded) {
        expect(g.engine).toBeGreaterThanOrEqual(0);
        expect(g.engine).toBeLessThanOrEqual(1);
      }
      const training = saf.graded.filter((g) => g.row.split === 'training');
      const retuned = tuneCutPoints(
        training.map((g) => g.engine),
        training.map((g) => g.row.verification),
      );
      expect(retuned.cutPoints).toEqual(saf.cutPoints);
      expect(saf.splits.find((s) => s.split === 'training')?.accuracy).toBeCloseTo(saf.trainingAccuracy, 12);
    },
    60_000,
  );
});

describe('tuneCutPoints', () => {
  it('finds the two cut points that separate the three verdicts', () => {
    const { cutPoints, accuracy } = tuneCutPoints(
      [0, 0.1, 0.4, 0.5, 0.9, 1],
      ['Incorrect', 'Incorrect', 'Partially correct', 'Partially correct', 'Correct', 'Correct'],
    );
    expect(cutPoints).toEqual({ incorrectMax: 0.1, correctMin: 0.9 });
    expect(accuracy).toBe(1);
    expect(verdictOf(0.1, cutPoints)).toBe('Incorrect');
    expect(verdictOf(0.2, cutPoints)).toBe('Partially correct');
    expect(verdictOf(0.9, cutPoints)).toBe('Correct');
  });

  it('can decide never to predict a verdict', () => {
    const { cutPoints, accuracy } = tuneCutPoints([0.2, 0.8], ['Correct', 'Correct']);
    expect(cutPoints.incorrectMax).toBe(Number.NEGATIVE_INFINITY);
    expect(accuracy).toBe(1);
    expect(verdictOf(0, cutPoints)).not.toBe('Incorrect');
  });
});
