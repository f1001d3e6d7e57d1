import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { semEvalOverlapBaseline } from '../../eval/baselines.js';
import { datasetsDir, loadSemEval, SEMEVAL_FILE, type SemEvalRow } from '../../eval/datasets.js';
import {
  ALIAS_SPLIT,
  COVERAGE_THRESHOLDS,
  draftSemEvalRubrics,
  evaluateSemEval,
  gradeSemEvalRows,
  type SemEvalSplitMetrics,
  semEvalLabel,
  tuneCoverageThreshold,
} from '../../eval/evaluateSemEval.js';
import { answersTo } from './semEvalRow.js';

const DATA_FILE = path.join(datasetsDir(), SEMEVAL_FILE);
const HAVE_DATA = existsSync(DATA_FILE);
const SKIP_REASON = HAVE_DATA ? '' : ` [skipped: ${DATA_FILE} not found; set RUBRICATE_DATASETS]`;

/**
 * 2-way and 3-way macro-F1 of the drafted rubrics as measured by `npm run eval` (docs/ACCURACY.md) on the splits
 * this fast slice grades (test-unseen-domains and train are left to `npm run eval`). The test fails when a figure
 * drops more than TOLERANCE below these. To update after a real improvement (or an accepted regression), run
 * `npm run eval`, copy the macro-F1 columns here, and say why in the commit message.
 */
const MEASURED: Record<string, { twoWay: number; threeWay: number }> = {
  'sciEntsBank test-unseen-answers': { twoWay: 0.7088, threeWay: 0.521 },
  'sciEntsBank test-unseen-questions': { twoWay: 0.733, threeWay: 0.528 },
  'beetle test-unseen-answers': { twoWay: 0.815, threeWay: 0.575 },
  'beetle test-unseen-questions': { twoWay: 0.723, threeWay: 0.465 },
};
const TOLERANCE = 0.02;

/** Each split's macro-F1 within TOLERANCE of its measured figures, and 2-way above the word-overlap baseline. */
function expectNearMeasured(
  splits: readonly SemEvalSplitMetrics[],
  measured: Record<string, { twoWay: number; threeWay: number }>,
  baseline: ReadonlyMap<string, number>,
): void {
  for (const s of splits) {
    const key = `${s.corpus} ${s.split}`;
    const figures = measured[key] as { twoWay: number; threeWay: number };
    expect(s.twoWay.macroF1, `${key} 2-way`).toBeGreaterThanOrEqual(figures.twoWay - TOLERANCE);
    expect(s.threeWay.macroF1, `${key} 3-way`).toBeGreaterThanOrEqual(figures.threeWay - TOLERANCE);
    expect(s.twoWay.macroF1, `${key} against the baseline`).toBeGreaterThan(baseline.get(key) ?? 1);
  }
}

let loaded: Promise<{ rows: SemEvalRow[]; baseline: Map<string, number> }> | undefined;
function slice() {
  loaded ??= (async () => {
    const all = await loadSemEval();
    const baseline = new Map(semEvalOverlapBaseline(all).map((b) => [`${b.corpus} ${b.split}`, b.macroF1]));
    const rows = all.filter((row) => `${row.corpus} ${row.split}` in MEASURED);
    return { rows, baseline };
  })();
  return loaded;
}

describe('SemEval accuracy regression floor (drafted rubrics)', () => {
  it.skipIf(!HAVE_DATA)(
    `2-way and 3-way macro-F1 stay within ${TOLERANCE} of the measured figures and above the word-overlap baseline${SKIP_REASON}`,
    async () => {
      const { rows, baseline } = await slice();
      const evaluation = evaluateSemEval(rows);
      expect(evaluation.splits.map((s) => `${s.corpus} ${s.split}`).sort()).toEqual(
        Object.keys(MEASURED).sort(),
      );
      expectNearMeasured(evaluation.splits, MEASURED, baseline);
    },
    60_000,
  );
});

/**
 * The alias pipeline (drafted rubrics + aliases suggested from train answers, `ALIAS_RULES`) on test-unseen-answers,
 * as measured by `npm run eval`; updated like MEASURED. It needs the train rows, so it is the slower check.
 */
const MEASURED_ALIASES: Record<string, { twoWay: number; threeWay: number }> = {
  'sciEntsBank test-unseen-answers': { twoWay: 0.752, threeWay: 0.541 },
  'beetle test-unseen-answers': { twoWay: 0.816, threeWay: 0.572 },
};

describe('SemEval accuracy regression floor (drafted rubrics + aliases from train answers)', () => {
  it.skipIf(!HAVE_DATA)(
    `2-way and 3-way macro-F1 on test-unseen-answers stay within ${TOLERANCE} of the measured figures and above the word-overlap baseline${SKIP_REASON}`,
    async () => {
      const { baseline } = await slice();
      const rows = (await loadSemEval()).filter((r) => r.split === 'train' || r.split === ALIAS_SPLIT);
      const aliases = evaluateSemEval(rows).aliases;
      expect(aliases?.splits.map((s) => `${s.corpus} ${s.split}`).sort()).toEqual(
        Object.keys(MEASURED_ALIASES).sort(),
      );
      expectNearMeasured(aliases?.splits ?? [], MEASURED_ALIASES, baseline);
    },
    120_000,
  );
});

/** Rows answering a made-up Beetle question. */
const row = answersTo({
  questionId: 'GAP_Q',
  question: 'What does a voltage of 1.5 tell you about the terminals?',
  referenceAnswers: [
    { kind: 'best', text: 'The terminals are not connected.' },
    { kind: 'good', text: 'There is a gap.' },
  ],
});

describe('SemEval labelling with drafted rubrics', () => {
  const rows = [
    row('They are not connected to each other.', 'correct'),
    row('there is a gap between them', 'correct'),
    row('the terminals are connected', 'contradictory'),
    row('the battery is full', 'incorrect'),
  ];

  it('drafts one rubric per reference answer of each question', () => {
    const drafted = draftSemEvalRubrics(rows);
    expect([...drafted.keys()]).toEqual(['beetle/GAP_Q']);
    expect(drafted.get('beetle/GAP_Q')).toMatchObject({ failed: 0 });
    expect(drafted.get('beetle/GAP_Q')?.rubrics).toHaveLength(2);
  });

  it('labels covered answers correct, contradicting ones contradictory, the rest incorrect', () => {
    const graded = gradeSemEvalRows(rows, draftSemEvalRubrics(rows));
    expect(graded.map((g) => g.coverage)).toEqual([1, 1, 0, 0]);
    expect(graded.map((g) => semEvalLabel(g, COVERAGE_THRESHOLDS.beetle))).toEqual([
      'correct',
      'correct',
      'contradictory',
      'incorrect',
    ]);
  });

  it('tunes the coverage threshold for 2-way macro-F1', () => {
    const graded = gradeSemEvalRows(rows, draftSemEvalRubrics(rows));
    expect(tuneCoverageThreshold(graded)).toBe(1);
  });

  it('scores every split present and tunes on train only', () => {
    const evaluation = evaluateSemEval([
      ...rows,
      row('no gap at all', 'contradictory', 'test-unseen-answers'),
    ]);
    expect(evaluation.splits.map((s) => [s.split, s.n, s.twoWay.accuracy])).toEqual([
      ['train', 4, 1],
      ['test-unseen-answers', 1, 1],
    ]);
    expect(evaluation.retuned).toEqual({ sciEntsBank: Number.NaN, beetle: 1 });
    expect(evaluation.drafted).toMatchObject({ questions: 1, references: 2, rubrics: 2, failed: 0 });
  });
});
