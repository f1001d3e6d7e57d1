import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, RubricError } from '../../src/errors.js';
import { grade, MAX_MATCH_STATES } from '../../src/grade.js';
import { compilePattern } from '../../src/match/compilePattern.js';
import { findMatches, type MatchStats } from '../../src/match/findMatches.js';
import { Lexicon } from '../../src/match/lexicon.js';
import { MAX_DEPTH, MAX_SPAN, MAX_WORDS, parsePattern } from '../../src/match/parsePattern.js';
import { MAX_FILLERS } from '../../src/match/patternRunner.js';
import { compileRubric } from '../../src/rubric/compileRubric.js';
import { loadRubric } from '../../src/rubric/loadRubric.js';
import { MAX_RUBRIC_LENGTH, parseRubric } from '../../src/rubric/parseRubric.js';
import { analyze, wordForms } from '../../src/text/analyze.js';
import { bundled } from '../helpers.js';

const repeat = (unit: string, times: number, separator = ' ') => Array(times).fill(unit).join(separator);
const oneConcept = (match: string[]) =>
  parseRubric({ id: 'hostile', title: 'Hostile', concepts: [{ id: 'c', label: 'C', match }] });

/** The issues of the RubricError that parsing throws, as `path: message` lines. */
function issuesOf(input: unknown, filename?: string): string[] {
  try {
    parseRubric(input, filename === undefined ? {} : { filename });
  } catch (error) {
    expect(error).toBeInstanceOf(RubricError);
    return (error as RubricError).issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  }
  throw new Error('expected a RubricError');
}

describe('rubrics at scale compile and grade', () => {
  it('grades with 10,000 patterns in one concept, crediting the one that matches', () => {
    const match = Array.from({ length: 10_000 }, (_, i) => `term${i} marker${i}`);
    const compiled = compileRubric(oneConcept(match));
    const report = grade(compiled, 'Nothing here, but then term9999 marker9999 at the end.');
    expect(report.concepts[0]?.evidence.map((e) => [e.text, e.pattern])).toEqual([
      ['term9999 marker9999', 'term9999 marker9999'],
    ]);
  });

  it('scores a group of 10,000 concepts in proportion to the members met', () => {
    const concepts = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      label: `C${i}`,
      match: [`item${i}`],
    }));
    const rubric = parseRubric({
      id: 'hostile',
      title: 'Hostile',
      concepts,
      groups: [{ id: 'g', label: 'G', of: concepts.map((c) => c.id), need: 5_000, points: 10 }],
    });
    const report = grade(rubric, 'item1, item5000 and item9999, and item1 again.');
    expect(report.groups[0]).toMatchObject({ met: 3, satisfied: false, points: 0.006 });
    expect(report.concepts.filter((c) => c.status === 'met').map((c) => c.id)).toEqual([
      'c1',
      'c5000',
      'c9999',
    ]);
  });
});

describe('pattern complexity is capped', () => {
  it(`accepts groups nested ${MAX_DEPTH} deep and refuses deeper ones with the path`, () => {
    const nested = (depth: number) => `${'('.repeat(depth)}x|y${')'.repeat(depth)} z`;
    expect(() => oneConcept([nested(MAX_DEPTH)])).not.toThrow();
    expect(
      issuesOf({ id: 'h', title: 'H', concepts: [{ id: 'c', label: 'C', match: ['a', nested(6)] }] }),
    ).toEqual(['concepts[0].match[1]: groups nested deeper than 5 at column 6']);
  });

  it(`refuses a pattern covering more than ${MAX_SPAN} words, gaps at their widest`, () => {
    expect(() => oneConcept(['x ..15 y ..14 z'])).not.toThrow();
    expect(
      issuesOf({ id: 'h', title: 'H', concepts: [{ id: 'c', label: 'C', match: ['x ..15 y ..15 z'] }] }),
    ).toEqual(['concepts[0].match[0]: a pattern may cover at most 32 words (gaps at their widest), not 33']);
    const gaps = repeat('x', 199, ' .. ');
    expect(issuesOf({ id: 'h', title: 'H', concepts: [{ id: 'c', label: 'C', match: [gaps] }] })).toEqual([
      'concepts[0].match[0]: a pattern may cover at most 32 words (gaps at their widest), not 793',
    ]);
  });

  it(`refuses a pattern of more than ${MAX_WORDS} words counting every alternative`, () => {
    expect(() => oneConcept([`(${repeat('x', 100, '|')})`])).not.toThrow();
    expect(
      issuesOf({
        id: 'h',
        title: 'H',
        concepts: [{ id: 'c', label: 'C', match: [`(${repeat('blue-green', 51, '|')})`] }],
      }),
    ).toEqual([
      'concepts[0].match[0]: a pattern may have at most 100 words counting every alternative, not 102; split it into several patterns',
    ]);
  });
});

describe('matching work is linear in the answer, whatever the pattern', () => {
  // The worst patterns the caps allow, each against the answer that keeps the most of its states alive.
  const worst: [string, string][] = [
    [`${repeat('x?', MAX_SPAN - 1)} x`, 'x'],
    [`(${repeat('x', 50, '|')}) (${repeat('x', 50, '|')})`, 'x'],
    ['x ..15 x ..14 x', 'x'],
    [`${repeat('(x|x x|x x x)?', 10)} x`, 'x'],
    [`(${repeat('x ..10 x', 8, '|')}) ..10 x`, 'x'],
    [`${repeat('the', MAX_SPAN - 1)} x`, 'the'],
  ];

  it.each(worst)(
    '%s: states visited grow in proportion to the words, within a bound set by the pattern',
    (source, word) => {
      const compiled = compileRubric(oneConcept([source]));
      // The automaton itself, which a compiled rubric no longer keeps once its patterns are packed.
      const { fuzzy, acronyms } = compiled.rubric;
      const [pattern] = compilePattern(source, parsePattern(source), new Lexicon(), wordForms, {
        fuzzy,
        acronyms,
      });
      if (!pattern) throw new Error('no pattern');
      const statesFor = (words: number) => {
        const stats: MatchStats = { states: 0 };
        findMatches(analyze(repeat(word, words)), compiled.lexicon, compiled.patterns, stats);
        return stats.states;
      };
      const [small, large] = [statesFor(400), statesFor(800)];
      expect(large / small).toBeGreaterThan(1.95);
      expect(large / small).toBeLessThan(2.05);
      // Each start word runs the automaton over at most span + fillers + 2 words, each step re-entering every state.
      const perWord = (pattern.maxWords + MAX_FILLERS + 2) * pattern.steps.length ** 2;
      expect(small).toBeLessThanOrEqual(400 * perWord);
    },
  );

  it('needs under 2% of the MAX_MATCH_STATES budget for a 100,000-character answer to a bundled rubric', () => {
    for (const id of ['devops/plugins', 'devops/kpis']) {
      const rubric = bundled(id);
      const compiled = compileRubric(rubric);
      const text = rubric.examples.map((e) => e.answer).join('\n');
      const stats: MatchStats = { states: 0 };
      findMatches(
        analyze(text.repeat(Math.ceil(100_000 / text.length))),
        compiled.lexicon,
        compiled.patterns,
        stats,
      );
      expect(stats.states).toBeLessThan(MAX_MATCH_STATES / 50);
    }
  });

  it('stops past MAX_MATCH_STATES with an InputError instead of hanging', () => {
    const hostile = compileRubric(oneConcept([`${repeat('(x|x)?', MAX_SPAN - 1)} x`]));
    expect(grade(hostile, 'x x x').concepts[0]?.status).toBe('met');
    expect(() => grade(hostile, repeat('x', 1_000))).toThrowError(
      new InputError(
        'too-complex',
        'rubricate: matching this answer against the rubric needs more than 10000000 steps; shorten the answer or simplify the rubric',
      ),
    );
  });

  it('counts misspelling look-ups against the budget: many near-identical rubric words × many new answer words', () => {
    // Three letters base 26 make each word distinct; all share the bigrams of "calibrat", so none is filtered out.
    const code = (i: number) =>
      [2, 1, 0].map((p) => String.fromCharCode(97 + (Math.floor(i / 26 ** p) % 26))).join('');
    const words = Array.from({ length: 1_000 }, (_, i) => `calibrat${code(i)}`);
    const rubric = compileRubric(oneConcept(words));
    // A real answer with a few misspellings grades as usual.
    expect(grade(rubric, `We calibratabx the scale, then calibratzzq it again.`).concepts[0]?.status).toBe(
      'met',
    );
    // 2,000 distinct near-misses would compare each with all 1,000 rubric words: 16 M steps.
    const answer = Array.from({ length: 2_000 }, (_, i) => `calibrat${code(i + 5_000)}q`).join(' ');
    expect(() => grade(rubric, answer)).toThrowError(
      /^rubricate: matching this answer .* more than 10000000 steps/,
    );
  });

  it('refuses 10,000 patterns that all start at every word of a long answer instead of running out of memory', () => {
    const concepts = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      label: 'C',
      match: [`echo (w${i})?`],
    }));
    const rubric = compileRubric(parseRubric({ id: 'hostile', title: 'Hostile', concepts }));
    expect(grade(rubric, 'echo').concepts.every((c) => c.status === 'met')).toBe(true);
    expect(() => grade(rubric, repeat('echo', 5_000))).toThrowError(/^rubricate: matching this answer/);
  });
});

describe('hostile rubric files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rubricate-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const valid = 'id: t\ntitle: T\nconcepts:\n  - { id: c, label: C, match: [deploy] }\n';

  it('refuses a YAML alias bomb in a pattern list without expanding it', () => {
    const lines = [
      'id: t',
      'title: T',
      'concepts:',
      '  - id: c',
      '    label: C',
      '    match: &l0 [x, x, x, x, x, x, x, x, x, x]',
    ];
    for (let i = 1; i <= 8; i++)
      lines.push(`    partial: &l${i} [${repeat(`*l${i - 1}`, 10, ', ')}]`.replace('partial', `p${i}`));
    expect(issuesOf(lines.join('\n'), 'bomb.yaml')).toContain(
      'invalid YAML: Excessive alias count indicates a resource exhaustion attack',
    );
  });

  it('rejects __proto__ and constructor keys at every level and pollutes no prototype', () => {
    expect(issuesOf(`${valid}__proto__: { polluted: true }\n`)).toEqual(['Unrecognized key: "__proto__"']);
    expect(issuesOf(`${valid}constructor: { prototype: { polluted: true } }\n`)).toEqual([
      'Unrecognized key: "constructor"',
    ]);
    expect(
      issuesOf('id: t\ntitle: T\nconcepts:\n  - { id: c, label: C, match: [x], __proto__: { points: 9 } }\n'),
    ).toEqual(['concepts[0]: Unrecognized key: "__proto__"']);
    expect(issuesOf(`${valid}scoring: { __proto__: { pass: 0 } }\n`)).toEqual([
      'scoring: Unrecognized key: "__proto__"',
    ]);
    expect(
      issuesOf(
        '{"id":"t","title":"T","concepts":[{"id":"c","label":"C","match":["x"]}],"__proto__":{"a":1}}',
        'r.json',
      ),
    ).toEqual(['Unrecognized key: "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('keeps ids that name Object.prototype members inert', () => {
    const rubric = parseRubric(
      'id: constructor\ntitle: T\nconcepts:\n  - { id: constructor, label: C, match: [canary] }\n  - { id: toString, label: S, match: [MTTR] }\n  - { id: hasOwnProperty, label: H, match: [rollback] }\ngroups: [{ id: valueOf, label: G, of: [toString, hasOwnProperty], need: 1 }]\n',
    );
    const report = grade(rubric, 'We use canary releases and track MTTR.');
    expect(report.concepts.map((c) => [c.id, c.status])).toEqual([
      ['constructor', 'met'],
      ['toString', 'met'],
      ['hasOwnProperty', 'missing'],
    ]);
    expect([report.score, report.maxScore, report.groups[0]?.satisfied]).toEqual([2, 2, true]);
  });

  it(`refuses text over ${MAX_RUBRIC_LENGTH} characters, and a file too large to hold fewer before reading it`, async () => {
    expect(issuesOf(`${valid}#${'x'.repeat(MAX_RUBRIC_LENGTH)}`, 'big.yaml')).toEqual([
      'file is larger than 5000000 characters',
    ]);
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, valid);
    truncateSync(file, 3 * MAX_RUBRIC_LENGTH + 1); // sparse: 15 MB that are never read
    await expect(loadRubric(file)).rejects.toThrowError(
      new RubricError([{ path: '', message: 'file is larger than 5000000 characters' }], file),
    );
  });

  it('reports YAML nested 100,000 deep as invalid YAML, not a stack overflow', () => {
    const issues = issuesOf(`${valid}extra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.includes('invalid YAML'))).toBe(true);
  });

  it('refuses point values that would overflow the score, and partial credit above full credit', () => {
    const concept = { id: 'c', label: 'C', match: ['x'] };
    expect(issuesOf({ id: 'h', title: 'H', concepts: [{ ...concept, points: 1e308 }] })).toEqual([
      'concepts[0].points: Too big: expected number to be <=1000000',
    ]);
    expect(
      issuesOf({
        id: 'h',
        title: 'H',
        concepts: [concept],
        misconceptions: [{ id: 'm', label: 'M', match: ['y'], penalty: Infinity }],
      }),
    ).toEqual(['misconceptions[0].penalty: Invalid input: expected number, received Infinity']);
    expect(
      issuesOf({
        id: 'h',
        title: 'H',
        concepts: [{ ...concept, partial: ['y'], points: 1, partialPoints: 5 }],
      }),
    ).toEqual(["concepts[0].partialPoints: partialPoints 5 is more than the concept's 1 points"]);
  });
});
