import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/report/types.js';
import { scoreRubric } from '../../src/score/scoreRubric.js';
import { rubricOf } from '../helpers.js';

const evidence = (negated = false): Evidence[] => [
  { start: 0, end: 1, text: 'x', sentence: 0, pattern: 'x', via: 'exact', similarity: 1, negated },
];
const met = { status: 'met' as const, evidence: evidence() };
const missing = { status: 'missing' as const, evidence: [] };
const partial = { status: 'partial' as const, evidence: evidence() };

describe('scoreRubric', () => {
  const rubric = rubricOf(
    { a: ['a'], b: ['b'], c: ['c'] },
    { groups: [{ id: 'g', label: 'G', of: ['a', 'b'], need: 2, points: 6 }] },
  );

  it('gives group members a share of the group points and counts partial members as half', () => {
    const result = scoreRubric(rubric, { concepts: [met, partial, met], misconceptions: [] });
    expect(result.concepts.map((c) => [c.points, c.maxPoints])).toEqual([
      [3, 3],
      [1.5, 3],
      [1, 1],
    ]);
    expect(result.groups[0]).toMatchObject({ met: 1.5, satisfied: false, points: 4.5, maxPoints: 6 });
    expect([result.score, result.maxScore, result.ratio]).toEqual([5.5, 7, 0.7857]);
  });

  it('bands by ratio and passes at scoring.pass', () => {
    const all = scoreRubric(rubric, { concepts: [met, met, met], misconceptions: [] });
    expect([all.band, all.passed]).toEqual(['strong', true]);
    const none = scoreRubric(rubric, { concepts: [missing, missing, missing], misconceptions: [] });
    expect([none.band, none.passed, none.score]).toEqual(['insufficient', false, 0]);
  });

  it('ignores negated misconception evidence and floors the total at 0', () => {
    const withMisconception = rubricOf(
      { a: ['a'] },
      { misconceptions: [{ id: 'm', label: 'M', match: ['m'], penalty: 5 }] },
    );
    expect(scoreRubric(withMisconception, { concepts: [met], misconceptions: [evidence()] }).score).toBe(0);
    expect(scoreRubric(withMisconception, { concepts: [met], misconceptions: [evidence(true)] }).score).toBe(
      1,
    );
  });
});
