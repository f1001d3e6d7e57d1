import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import type { GradeReport } from '../../src/report/types.js';
import type { Rubric } from '../../src/rubric/schema.js';
import { bundled } from '../helpers.js';
import { fuzzRuns, fuzzTimeout } from './fuzzRuns.js';

const RUNS = fuzzRuns(300);
const TIMEOUT = fuzzTimeout(RUNS);
const rubrics = [
  'devops/kpis',
  'devops/deployment-failure',
  'devops/deployment-types',
  'devops/environments',
].map(bundled);
const kpis = rubrics[0] as Rubric;

/** The words a rubric's patterns are written with: the material a gaming answer is made of. */
function rubricWords(rubric: Rubric): string[] {
  const patterns = [
    ...rubric.concepts.flatMap((c) => [...c.match, ...(c.partial ?? [])]),
    ...rubric.misconceptions.flatMap((m) => m.match),
  ];
  return [...new Set(patterns.join(' ').match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [])];
}

/** Answers built from a rubric's words, fillers, negation and punctuation. */
const answerFor = (rubric: Rubric) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...rubricWords(rubric)) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('we', 'the', 'use', 'and', 'not', 'never', 'is', 'our', ',', '.', '\n'),
        },
      ),
      { minLength: 1, maxLength: 30 },
    )
    .map((words) => words.join(' '));

// Words from another domain: none is, misspells or joins into a word of the four rubrics (checked below).
const OFF_TOPIC = [
  'gardeners',
  'water',
  'tomatoes',
  'sunny',
  'mornings',
  'children',
  'paint',
  'fences',
  'quietly',
  'yesterday',
  'lovely',
  'orange',
  'cats',
  'sleep',
  'happily',
  'beside',
  'warm',
  'windows',
  'never',
  'not',
  'no',
  'the',
  'and',
  ',',
  '.',
];
const offTopicLines = fc
  .array(fc.array(fc.constantFrom(...OFF_TOPIC), { minLength: 1, maxLength: 12 }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((lines) => lines.map((line) => line.join(' ')).join('\n'));

const statuses = (report: GradeReport) => [
  ...report.concepts.map((c) => c.status),
  ...report.misconceptions.map((m) => m.triggered),
];

describe('keyword lists', () => {
  const list = 'Deployment frequency, lead time, MTTR, change failure rate';

  it('flags a bare list of rubric keywords, and leaves the score alone by default', () => {
    const report = grade(kpis, list);
    expect(report.flags).toContain('keyword-list');
    expect(report.score).toBe(3);
    expect(
      grade(kpis, `We track ${list.toLowerCase()} to see how fast and how safely we deliver.`).flags,
    ).not.toContain('keyword-list');
  });

  it('halves the score of a keyword list when the rubric sets keywordList: penalize', () => {
    const penalize = { ...kpis, scoring: { ...kpis.scoring, keywordList: 'penalize' as const } };
    expect(grade(penalize, list)).toMatchObject({ score: 1.5, rawScore: 1.5 });
  });
});

describe('gaming resistance (fast-check)', { timeout: TIMEOUT }, () => {
  it('uses an off-topic vocabulary that no rubric word matches, alone or joined with its neighbour', () => {
    for (const rubric of rubrics) {
      for (const a of OFF_TOPIC) {
        const pairs = OFF_TOPIC.map((b) => `${a} ${b}`).join('\n');
        const report = grade(rubric, pairs);
        expect([...report.concepts, ...report.misconceptions].flatMap((c) => c.evidence)).toEqual([]);
      }
    }
  });

  it.each(rubrics.map((r) => [r.id, r] as const))(
    '%s: appending sentences that cover no concept changes no status, no score and no keyword-list flag',
    (_, rubric) => {
      fc.assert(
        fc.property(answerFor(rubric), offTopicLines, (answer, extra) => {
          const before = grade(rubric, answer);
          const after = grade(rubric, `${answer}\n${extra}`);
          expect(statuses(after)).toEqual(statuses(before));
          expect(after.score).toBe(before.score);
          expect(after.flags.includes('keyword-list')).toBe(before.flags.includes('keyword-list'));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(rubrics.map((r) => [r.id, r] as const))(
    '%s: repeating a term or the whole answer adds no points',
    (_, rubric) => {
      fc.assert(
        fc.property(
          answerFor(rubric),
          fc.constantFrom(...rubricWords(rubric)),
          fc.integer({ min: 2, max: 6 }),
          (answer, term, times) => {
            const once = grade(rubric, `${answer}\n${term}`);
            const repeated = grade(rubric, `${answer}${`\n${term}`.repeat(times)}`);
            expect(statuses(repeated)).toEqual(statuses(once));
            expect(repeated.score).toBe(once.score);
            expect(grade(rubric, `${answer}\n${answer}`).score).toBe(grade(rubric, answer).score);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it.each(rubrics.map((r) => [r.id, r] as const))(
    '%s: negating a covered concept never raises the score (unless the same clause held a misconception)',
    (_, rubric) => {
      fc.assert(
        fc.property(answerFor(rubric), fc.constantFrom('not ', 'never ', 'no '), (answer, cue) => {
          const report = grade(rubric, answer);
          for (const [i, concept] of report.concepts.entries()) {
            if (concept.status !== 'met' && concept.status !== 'partial') continue;
            const at = concept.evidence[0]?.start ?? 0;
            const negated = grade(rubric, `${answer.slice(0, at)}${cue}${answer.slice(at)}`);
            expect(negated.concepts[i]?.points).toBeLessThanOrEqual(concept.points);
            const cleared = report.misconceptions.some(
              (m, j) => m.triggered && !negated.misconceptions[j]?.triggered,
            );
            if (!cleared) expect(negated.score).toBeLessThanOrEqual(report.score);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});
