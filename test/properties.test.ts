import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade } from '../src/grade.js';
import type { GradeReport } from '../src/report/types.js';
import { bundled } from './helpers.js';

const kpis = bundled('devops/kpis');
const RUNS = 1000;

// Words that build realistic answers: rubric terms, fillers, negation, punctuation, misspellings.
const vocabulary = [
  'deployment',
  'frequency',
  'lead',
  'time',
  'for',
  'changes',
  'mean',
  'to',
  'recovery',
  'MTTR',
  'change',
  'failure',
  'rate',
  'we',
  'track',
  'never',
  'not',
  'is',
  'measured',
  'lines',
  'of',
  'code',
  'and',
  'the',
  'Kubernetes',
  'Docker',
  'frequncy',
  'change-failure',
  'roll',
  'back',
  'how',
  'often',
  'deploy',
  ',',
  '.',
  '\n',
  "don't",
  'CFR',
  '😀',
  'e.g.',
  '—',
  '"',
  'café',
  'x'.repeat(30),
];
const answer = fc
  .array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), { maxLength: 40 })
  .map((words) => words.join(' '));

const stripTiming = (r: GradeReport) => ({ ...r, meta: { ...r.meta, durationMs: 0 } });

describe('grading invariants (fast-check)', () => {
  it('every evidence satisfies answer.slice(start, end) === text', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const report = grade(kpis, a);
        for (const e of [...report.concepts, ...report.misconceptions].flatMap((c) => c.evidence)) {
          expect(a.slice(e.start, e.end)).toBe(e.text);
          expect(e.similarity).toBeGreaterThan(0);
          expect(e.similarity).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps 0 ≤ score ≤ maxScore and 0 ≤ ratio ≤ 1', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const report = grade(kpis, a);
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(report.maxScore);
        expect(report.ratio).toBeGreaterThanOrEqual(0);
        expect(report.ratio).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same report for the same input (durationMs aside)', () => {
    fc.assert(
      fc.property(answer, (a) => {
        expect(stripTiming(grade(kpis, a))).toEqual(stripTiming(grade(kpis, a)));
      }),
      { numRuns: RUNS },
    );
  });

  it('never changes concept statuses when letter case or whitespace between words changes', () => {
    const words = fc.array(fc.constantFrom(...vocabulary.filter((w) => /^[a-z' -]+$/i.test(w))), {
      minLength: 1,
      maxLength: 25,
    });
    const spacing = fc.constantFrom(' ', '  ', '\t', ' \t ');
    fc.assert(
      fc.property(words, spacing, fc.boolean(), (ws, space, upper) => {
        const base = grade(kpis, ws.join(' '));
        const varied = ws.map((w) => (upper ? w.toUpperCase() : w.toLowerCase())).join(space);
        const other = grade(kpis, varied);
        expect(other.concepts.map((c) => c.status)).toEqual(base.concepts.map((c) => c.status));
      }),
      { numRuns: RUNS },
    );
  });
});
