import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibrate/calibrate.js';
import type { MarkedAnswer } from '../../src/calibrate/checkMarked.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import { rubricOf } from '../helpers.js';

const rubric = parseRubric(
  readFileSync(new URL('../fixtures/calibrate/safer-deploys.yaml', import.meta.url), 'utf8'),
);

const FULL = 'Canary releases, automated rollbacks, and we limit the impact of a bad change.';
const CANARY = 'We use canary releases.';
const TWO = 'Canary first, then roll back automatically when errors rise.';
const NONE = 'Nothing special, we test in production.';
const PARAPHRASE = 'Ship small changes with feature flags and keep the blast radius small.';

describe('calibrate', () => {
  it('reports perfect agreement as kappa 1, exact and adjacent 1, r 1 and a diagonal matrix', () => {
    const result = calibrate(rubric, [
      { answer: FULL, score: 3 },
      { answer: CANARY, score: 1 },
      { answer: TWO, score: 2 },
      { answer: NONE, score: 0 },
    ]);
    expect(result).toMatchObject({ n: 4, maxScore: 3, levels: [0, 1, 2, 3], exact: 1, adjacent: 1, qwk: 1 });
    expect(result.pearson).toBeCloseTo(1, 12);
    expect(result.confusion).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(result.worst).toEqual([]);
  });

  it('lists the largest disagreement first, with its line, statuses and the concepts it missed', () => {
    const result = calibrate(rubric, [
      { answer: CANARY, score: 2, line: 10 },
      { answer: PARAPHRASE, score: 3, concepts: ['impact'], line: 11 },
      { answer: FULL, score: 3, line: 12 },
    ]);
    expect(result.worst.map((d) => [d.line, d.human, d.rubricate])).toEqual([
      [11, 3, 0],
      [10, 2, 1],
    ]);
    const [first] = result.worst;
    expect(first?.answer).toBe(PARAPHRASE);
    expect(first?.missing).toEqual(['impact']);
    expect(first?.concepts.map((c) => c.status)).toEqual(['missing', 'missing', 'missing']);
    expect(result.worst[1]?.concepts[0]?.evidence[0]).toMatchObject({ text: 'canary', pattern: 'canary' });
    expect(calibrate(rubric, [{ answer: CANARY, score: 2 }], { worst: 0 }).worst).toEqual([]);
  });

  it('measures each concept against the concepts humans credited, on the rows that mark concepts', () => {
    const result = calibrate(rubric, [
      { answer: FULL, score: 3, concepts: ['canary', 'rollback', 'impact'] },
      { answer: CANARY, score: 1, concepts: [] },
      { answer: PARAPHRASE, score: 3, concepts: 'impact' },
      { answer: TWO, score: 2 },
    ]);
    expect(result.conceptMarked).toBe(3);
    const byId = Object.fromEntries(result.concepts.map((c) => [c.id, c]));
    // canary: rubricate credits 2 answers, the human 1 of them → precision 0.5, recall 1.
    expect(byId.canary).toMatchObject({ precision: 0.5, recall: 1, human: 1, rubricate: 2 });
    expect(byId.canary?.f1).toBeCloseTo(2 / 3, 12);
    // impact: the human credits 2, rubricate finds 1 → precision 1, recall 0.5.
    expect(byId.impact).toMatchObject({ precision: 1, recall: 0.5, human: 2, rubricate: 1 });
    expect(calibrate(rubric, [{ answer: FULL, score: 3 }]).concepts).toEqual([]);
  });

  it('skips bad rows and names their lines, grading the rest', () => {
    const rows = [
      { answer: FULL, score: '3', concepts: 'canary; rollback;impact', line: 2 },
      { score: 1, line: 3 },
      { answer: '  ', score: 1, line: 4 },
      { answer: CANARY, score: 'many', line: 5 },
      { answer: CANARY, score: ' ', line: 6 },
      { answer: CANARY, score: 4, line: 7 },
      { answer: CANARY, score: 1, concepts: ['canary', 'canery'], line: 8 },
      { answer: 42, score: 1, line: 9 },
    ] as unknown as MarkedAnswer[];
    const result = calibrate(rubric, rows);
    expect(result.n).toBe(1);
    expect(result.skipped).toEqual([
      { line: 3, message: 'missing answer' },
      { line: 4, message: 'missing answer' },
      { line: 5, message: 'score "many" is not a number' },
      { line: 6, message: 'missing score' },
      { line: 7, message: "score 4 is outside the rubric's range 0–3" },
      { line: 8, message: 'unknown concept "canery"' },
      { line: 9, message: 'answer must be text' },
    ]);
    expect(calibrate(rubric, [{ score: 1 } as unknown as MarkedAnswer]).skipped).toEqual([
      { line: 1, message: 'missing answer' },
    ]);
  });

  it('reads scores written in decimal only, and each credited concept once, blank ids dropped from text and lists alike', () => {
    const result = calibrate(rubric, [
      { answer: CANARY, score: '0x2', line: 1 },
      { answer: CANARY, score: '0b10', line: 2 },
      { answer: CANARY, score: ' 1.5e0 ', concepts: ['canary', 'canary', ' '], line: 3 },
      { answer: FULL, score: '3', concepts: 'canary;canary; ;rollback', line: 4 },
    ] as unknown as MarkedAnswer[]);
    expect(result.skipped).toEqual([
      { line: 1, message: 'score "0x2" is not a number' },
      { line: 2, message: 'score "0b10" is not a number' },
    ]);
    expect(result.n).toBe(2);
    expect(result.worst.find((d) => d.line === 3)?.human).toBe(1.5);
    expect(result.concepts.find((c) => c.id === 'canary')?.human).toBe(2);
  });

  it('rounds a rubric of more than 100 points to 100 equal steps of its maximum, keeping the matrix small', () => {
    const big = rubricOf({ a: ['canary'] }, {});
    const huge = { ...big, concepts: big.concepts.map((c) => ({ ...c, points: 20_000 })) };
    const result = calibrate(huge, [
      { answer: CANARY, score: 20_000, line: 1 },
      { answer: NONE, score: 150, line: 2 },
    ]);
    expect(result.levels).toHaveLength(101);
    expect(result.levels.slice(0, 3)).toEqual([0, 200, 400]);
    expect(result.confusion).toHaveLength(101);
    expect(result.exact).toBe(0.5);
    expect(result.adjacent).toBe(1);
  });

  it("rounds scores to the rubric's scale steps, so adjacent means one step apart", () => {
    const scaled = rubricOf(
      { a: ['alpha'], b: ['beta'] },
      {
        scoring: {
          scale: [
            { min: 2, score: 1 },
            { min: 1, score: 0.5 },
          ],
        },
      },
    );
    const result = calibrate(scaled, [
      { answer: 'alpha and beta', score: 0.75 },
      { answer: 'alpha only', score: 0 },
      { answer: 'nothing', score: 0.2 },
    ]);
    expect(result.levels).toEqual([0, 0.5, 1]);
    // 0.75 is halfway between two steps and goes up to 1; 0.2 goes down to 0; 'alpha only' earns 0.5.
    expect(result.confusion).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(result.exact).toBeCloseTo(2 / 3, 12);
    expect(result.adjacent).toBe(1);
  });

  it('gives NaN, not an error, for figures that need more data', () => {
    const result = calibrate(rubric, []);
    expect(result.n).toBe(0);
    expect(result.qwk).toBeNaN();
    expect(result.pearson).toBeNaN();
  });

  it('refuses a negative or fractional worst count', () => {
    expect(() => calibrate(rubric, [], { worst: -1 })).toThrowError(
      'rubricate: worst must be a whole number ≥ 0, got -1',
    );
  });
});
