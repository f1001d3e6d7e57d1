// The benchmark's own parts (bench/): what it generates and how its naive peer grades, so that the figures in
// docs/PERFORMANCE.md rest on inputs that mean what the bench says. No timing here.
import { describe, expect, it } from 'vitest';
import { buildCorpus, realize } from '../../bench/corpus.js';
import { generateRubric, vocabulary } from '../../bench/generateRubric.js';
import { compileNaive, naiveGrade, naiveTerms } from '../../bench/naiveGrade.js';
import { seeded } from '../../bench/random.js';
import { grade } from '../../src/grade.js';
import { compileRubric } from '../../src/rubric/compileRubric.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from '../../src/rubrics/bundledRubric.js';

const rubrics = BUNDLED_RUBRIC_IDS.map(bundledRubric);

describe('bench corpus', () => {
  it('is the same for the same seed: every rubric example, then generated answers of 20–400 words', () => {
    const corpus = buildCorpus(rubrics, 3);
    expect(buildCorpus(rubrics, 3)).toEqual(corpus);
    const examples = rubrics.reduce((n, r) => n + r.examples.length, 0);
    expect(corpus).toHaveLength(examples + 3 * rubrics.length);
    for (const { answer } of corpus.slice(examples)) {
      const words = answer.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(20);
      expect(words).toBeLessThan(450);
    }
  });

  it('realizes each pattern of the bundled rubrics as a phrase in which rubricate finds its concept', () => {
    const random = seeded(3);
    for (const rubric of rubrics) {
      const compiled = compileRubric(rubric);
      for (const concept of rubric.concepts) {
        // A dotted name (`Node.js`, `.gitlab-ci.yml`) never matches itself: its "." breaks word adjacency.
        for (const pattern of concept.match.filter((p) => !/(?<!\.)\.(?!\.)/.test(p))) {
          const phrase = realize(pattern, random);
          const status = grade(compiled, `We have ${phrase} in place.`).concepts.find(
            (c) => c.id === concept.id,
          )?.status;
          // `negated` where the phrase itself carries a cue ("prevent new same").
          expect({ pattern, phrase, found: status !== 'missing' }).toEqual({ pattern, phrase, found: true });
        }
      }
    }
  });
});

describe('generated rubric', () => {
  it('has 1,000 valid concepts drawn from the bundled vocabulary, and credits answers written from its patterns', () => {
    const input = generateRubric(1_000, vocabulary(rubrics));
    expect(generateRubric(1_000, vocabulary(rubrics))).toEqual(input);
    const compiled = compileRubric(parseRubric(input));
    expect(compiled.rubric.concepts).toHaveLength(1_000);
    const random = seeded(5);
    for (const concept of compiled.rubric.concepts.slice(0, 50)) {
      const phrase = realize(concept.match[0] as string, random);
      expect(grade(compiled, `${phrase}.`).concepts.find((c) => c.id === concept.id)?.status).toBe('met');
    }
  });
});

describe('naive grader', () => {
  it('reads a pattern as words that must all occur, each with its alternatives, ignoring syntax', () => {
    expect(naiveTerms('(deploy*|release) frequency')).toEqual([['deploy', 'release'], ['frequency']]);
    expect(naiveTerms('how (often|frequently) .. deploy*')).toEqual([
      ['how'],
      ['often', 'frequently'],
      ['deploy'],
    ]);
    expect(naiveTerms('=MTTR (service)?')).toEqual([['mttr']]);
  });

  it('credits substrings anywhere, negated or not, and scores with the rubric scorer', () => {
    const kpis = compileNaive(bundledRubric('devops/kpis'));
    const result = naiveGrade(kpis, 'We never measured MTTR, deployment frequency or lead time.');
    expect(result.concepts.filter((c) => c.status === 'met').map((c) => c.id)).toEqual([
      'deployment-frequency',
      'lead-time',
      'mttr',
    ]);
    expect(result.score).toBe(3);
  });
});
