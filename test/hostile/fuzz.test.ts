import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError, RubricError } from '../../src/errors.js';
import { grade } from '../../src/grade.js';
import { REPORT_FORMATS, renderReport } from '../../src/report/renderReport.js';
import { compileRubric } from '../../src/rubric/compileRubric.js';
import { parseRubric, safeParseRubric } from '../../src/rubric/parseRubric.js';
import { fuzzRuns, fuzzTimeout } from './fuzzRuns.js';

const RUNS = fuzzRuns(1000);
const TIMEOUT = fuzzTimeout(RUNS);

// Pattern material: words of every kind, the pattern syntax, and characters that break naive parsers.
const WORDS = [
  'deploy',
  'MTTR',
  'lead',
  'time',
  'blue-green',
  'CI/CD',
  'roll',
  'back',
  'of',
  'the',
  'café',
  '123',
  'x',
  'frequency',
  'not',
];
const word = fc.constantFrom(...WORDS);
const element = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `(${a}|${b} ${a})`) },
  { weight: 1, arbitrary: word.map((w) => `${w}?`) },
  { weight: 1, arbitrary: word.map((w) => `${w.replace(/\W.*/, '') || 'ab'}*`) },
  { weight: 1, arbitrary: word.map((w) => `=${w.toUpperCase()}`) },
  { weight: 1, arbitrary: fc.constantFrom('..', '..2', '..20') },
);
/** A pattern that follows the syntax (mostly: a random one may still break a cap or a rule). */
const wellFormed = fc
  .tuple(word, fc.array(element, { maxLength: 4 }), word)
  .map(([first, middle, last]) => [first, ...middle, last].join(' '));
const junk = fc
  .array(
    fc.constantFrom(
      ...WORDS,
      '(',
      ')',
      '|',
      '?',
      '*',
      '=',
      '..',
      '..99',
      ' ',
      '\t',
      '\n',
      '\u0000',
      '\ud800',
      '\u202e',
      '<b>',
      '😀',
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));
const pattern = fc.oneof({ weight: 19, arbitrary: wellFormed }, { weight: 1, arbitrary: junk });
const label = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('<script>x</script>', '\u001b[31mred'),
);
const points = fc.constantFrom(0, 0.5, 1, 2, 3);

const concept = (i: number) =>
  fc.record(
    {
      id: fc.constant(`c${i}`),
      label,
      match: fc.array(pattern, { minLength: 1, maxLength: 3 }),
      partial: fc.array(pattern, { minLength: 1, maxLength: 2 }),
      points,
      required: fc.boolean(),
      negation: fc.constantFrom('flag', 'ignore'),
      fuzzy: fc.boolean(),
      acronyms: fc.boolean(),
      feedback: fc.record({ missing: label, negated: label }, { requiredKeys: [] }),
    },
    { requiredKeys: ['id', 'label', 'match'] },
  );

// What a hostile or careless author puts anywhere: wrong types, out-of-range numbers, prototype keys, junk patterns.
const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('', '__proto__', Number.NaN, Number.POSITIVE_INFINITY, -1, 1e300, 0.5, null, [], {}),
  junk,
);
const hostilePath = fc.constantFrom(
  ['id'],
  ['title'],
  ['extra'],
  ['__proto__'],
  ['constructor'],
  ['concepts'],
  ['concepts', 0],
  ['concepts', 0, 'id'],
  ['concepts', 0, 'match'],
  ['concepts', 0, 'match', 0],
  ['concepts', 0, 'points'],
  ['concepts', 0, 'partialPoints'],
  ['concepts', 0, '__proto__'],
  ['groups', 0, 'need'],
  ['groups', 0, 'of', 0],
  ['misconceptions', 0, 'penalty'],
  ['scoring', 'pass'],
  ['scoring', 'minWords'],
  ['scoring', 'scale'],
  ['scoring', 'keywordList'],
  ['examples', 0, 'concepts'],
);

/** Set `value` at `path` in a plain object, creating containers on the way (own properties, even "__proto__"). */
function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string, unknown> = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next !== 'object' || next === null) {
      const made = typeof path[i + 1] === 'number' ? [] : {};
      Object.defineProperty(node, key, { value: made, enumerable: true, writable: true, configurable: true });
      node = made as Record<string, unknown>;
    } else node = next as Record<string, unknown>;
  });
}

/** Rubric objects: mostly valid, one in three with a hostile value at a random path. */
const rubricObject = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.record(
      {
        id: fc.constantFrom('fuzz', 'fuzz/rubric', 'constructor'),
        title: label,
        question: label,
        negation: fc.constantFrom('flag', 'ignore'),
        concepts: fc.tuple(...Array.from({ length: n }, (_, i) => concept(i))),
        groups: fc
          .subarray(
            Array.from({ length: n }, (_, i) => `c${i}`),
            { minLength: 1 },
          )
          .chain((of) =>
            fc.record({
              id: fc.constant('g'),
              label,
              of: fc.constant(of),
              need: fc.integer({ min: 1, max: of.length }),
            }),
          )
          .map((group) => [group]),
        misconceptions: fc.array(
          fc.record({
            id: fc.constant('m'),
            label,
            match: fc.array(pattern, { minLength: 1, maxLength: 2 }),
          }),
          {
            maxLength: 1,
          },
        ),
        scoring: fc.record(
          {
            pass: fc.double({ min: 0, max: 1, noNaN: true }),
            minWords: fc.nat(10),
            keywordList: fc.constantFrom('flag', 'penalize'),
          },
          { requiredKeys: [] },
        ),
        examples: fc.array(fc.record({ answer: label, score: points }), { maxLength: 1 }),
      },
      { requiredKeys: ['id', 'title', 'concepts'] },
    ),
  )
  .chain((rubric) =>
    fc
      .oneof({ weight: 2, arbitrary: fc.constant(undefined) }, fc.tuple(hostilePath, hostileValue))
      .map((hostile) => {
        const plain = JSON.parse(JSON.stringify(rubric)) as Record<string, unknown>;
        if (hostile) setPath(plain, hostile[0], hostile[1]);
        return plain;
      }),
  );

/** A rubric file, YAML or JSON, with a few characters inserted where a typo or an attack would put them. */
const rubricFile = fc
  .tuple(
    rubricObject,
    fc.constantFrom('fuzz.yaml', 'fuzz.json'),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          ':',
          '-',
          '&a',
          '*a',
          '!!binary',
          '{',
          '[',
          '"',
          "'",
          '\n',
          '  ',
          '#',
          '|',
          '%',
          '\t',
          '\u0000',
          '<<: *a',
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([rubric, filename, edits]) => {
    let source = filename.endsWith('.json') ? JSON.stringify(rubric) : stringify(rubric);
    for (const [at, insert] of edits) {
      const i = at % (source.length + 1);
      source = source.slice(0, i) + insert + source.slice(i);
    }
    return { source, filename };
  });

const answer = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        'deploy',
        'MTTR',
        'lead time',
        'not',
        'never',
        'the',
        ',',
        '.',
        '\n',
        '\r\n',
        '😀',
        '\u0000',
        '\ud800',
        'x',
      ),
      {
        maxLength: 30,
      },
    )
    .map((words) => words.join(' ')),
);
const options = fc.record(
  {
    maxAnswerLength: fc.oneof(
      fc.nat({ max: 200 }),
      fc.constantFrom(-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
    ),
    onTooLong: fc.constantFrom('error', 'truncate'),
  },
  { requiredKeys: [] },
);

/** Parse, compile, grade and render: any error must be a RubricError or InputError with a message. */
function gradeAnything(
  input: unknown,
  answers: readonly string[],
  gradeOptions: object,
  filename?: string,
): void {
  const safe = safeParseRubric(input, filename === undefined ? {} : { filename });
  try {
    const rubric = parseRubric(input, filename === undefined ? {} : { filename });
    expect(safe.success).toBe(true);
    const compiled = compileRubric(rubric);
    for (const a of answers) {
      try {
        const report = grade(compiled, a, gradeOptions);
        for (const e of [...report.concepts, ...report.misconceptions].flatMap((c) => c.evidence))
          expect(a.slice(e.start, e.end)).toBe(e.text);
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(report.maxScore);
        expect(report.ratio >= 0 && report.ratio <= 1).toBe(true);
        for (const format of REPORT_FORMATS) expect(typeof renderReport(report, format)).toBe('string');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).message).toMatch(/^rubricate: \S/);
      }
    }
  } catch (error) {
    if (!(error instanceof RubricError)) throw error;
    expect(safe.success).toBe(false);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) expect(issue.message).not.toBe('');
  }
}

describe('fuzzing: every failure is a RubricError or an InputError with a message', {
  timeout: TIMEOUT,
}, () => {
  it(`generated rubric objects and answers (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        rubricObject,
        fc.array(answer, { minLength: 1, maxLength: 3 }),
        options,
        (rubric, answers, opts) => gradeAnything(rubric, answers, opts),
      ),
      { numRuns: RUNS },
    );
  });

  it(`generated and mangled YAML and JSON rubric files (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(rubricFile, answer, ({ source, filename }, a) => gradeAnything(source, [a], {}, filename)),
      { numRuns: RUNS },
    );
  });
});
