import { describe, expect, it } from 'vitest';
import { draftRubric } from '../../src/draft/draftRubric.js';
import { InputError } from '../../src/errors.js';
import { grade, MAX_ANSWER_LENGTH } from '../../src/grade.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { GradeReport } from '../../src/report/types.js';
import { analyze, MAX_RUN } from '../../src/text/analyze.js';
import { bundled, rubricOf } from '../helpers.js';

const kpis = bundled('devops/kpis');
const terms = rubricOf({ mttr: ['=MTTR'], canary: ['canary release*'], frequency: ['deployment frequency'] });
const PROSE = 'We track deployment frequency and lead time for changes, and MTTR is reviewed weekly. ';

/** Every evidence span of a report, concepts and misconceptions alike. */
const evidenceOf = (report: GradeReport) =>
  [...report.concepts, ...report.misconceptions].flatMap((c) => c.evidence);
const statuses = (report: GradeReport) => report.concepts.map((c) => c.status);

/** Grade, then check the offsets contract on every evidence span. */
function gradeChecked(answer: string, options: Parameters<typeof grade>[2] = {}, rubric = kpis): GradeReport {
  const report = grade(rubric, answer, options);
  for (const e of evidenceOf(report)) expect(answer.slice(e.start, e.end)).toBe(e.text);
  return report;
}

describe('answers of any shape are graded, never crash', () => {
  it('flags an empty or whitespace-only answer and scores it 0', () => {
    for (const answer of ['', ' ', '\n\n\t \r\n', '\u00a0\u2003\u3000']) {
      const report = gradeChecked(answer);
      expect([report.score, report.flags]).toEqual([0, ['empty']]);
    }
  });

  it('grades 1 MB of prose when maxAnswerLength allows it, finding the terms of every sentence', () => {
    const answer = PROSE.repeat(Math.ceil(1_000_000 / PROSE.length));
    const report = gradeChecked(answer, { maxAnswerLength: 1_100_000 });
    expect(report.score).toBe(3);
    const frequency = report.concepts.find((c) => c.id === 'deployment-frequency');
    expect(frequency?.evidence).toHaveLength(Math.ceil(1_000_000 / PROSE.length));
  });

  it('grades one 10,000-character token as words of at most MAX_RUN characters', () => {
    for (const token of ['a'.repeat(10_000), 'MTTR'.repeat(2_500), '.'.repeat(10_000), 'x-'.repeat(5_000)]) {
      const report = gradeChecked(`${token} deployment frequency`);
      expect(report.concepts.find((c) => c.id === 'deployment-frequency')?.status).toBe('met');
      const longest = Math.max(...analyze(token).tokens.map((t) => t.text.length));
      expect(longest).toBeLessThanOrEqual(MAX_RUN);
    }
  });

  it('grades 50,000 sentences, each its own sentence', () => {
    const answer = `${'Ok. '.repeat(49_999)}We deploy often.`;
    const report = gradeChecked(answer, { maxAnswerLength: 250_000 });
    const evidence = report.concepts.find((c) => c.id === 'deployment-frequency')?.evidence ?? [];
    expect(evidence.map((e) => [e.text, e.sentence])).toEqual([['deploy often', 49_999]]);
  });

  it('finds terms among emoji, right-to-left scripts and combining marks, pointing at the terms', () => {
    const answers = [
      '🚀👍🏽 MTTR 👨‍👩‍👧 canary releases 😀',
      'نشر MTTR التكرار canary releases שלום עולם',
      '\u202eMTTR\u202c and canary releases e\u0301\u0301\u0301',
    ];
    for (const answer of answers) {
      const report = gradeChecked(answer, {}, terms);
      expect(statuses(report)).toEqual(['met', 'met', 'missing']);
      expect(evidenceOf(report).map((e) => e.text)).toEqual(['MTTR', 'canary releases']);
    }
  });

  it('treats CRLF, CR, tabs and Unicode line separators as white space, each line its own sentence', () => {
    const answer = 'deployment\r\nfrequency\tMTTR\u2028canary\u2029releases\r\n\tcanary\t\treleases';
    const report = gradeChecked(answer, {}, terms);
    expect(statuses(report)).toEqual(['met', 'met', 'missing']);
    expect(evidenceOf(report).map((e) => e.text)).toEqual(['MTTR', 'canary\t\treleases']);
  });

  it('keeps evidence offsets exact around lone surrogates, NUL bytes, BOMs and 70,000 spaces', () => {
    const answers = [
      '\ud800MTTR \udc00canary releases \ud83d',
      '\u0000MTTR\u0000 canary\u0000releases\u0000',
      '\ufeffMTTR \ufeffcanary releases',
      `${' '.repeat(70_000)}MTTR and canary releases`,
    ];
    for (const answer of answers) {
      const report = gradeChecked(answer, {}, terms);
      expect(report.concepts[0]?.status).toBe('met');
      expect(report.concepts[0]?.evidence.map((e) => e.text)).toEqual(['MTTR']);
    }
  });

  it('reads HTML and Markdown as text: markup neither hides nor adds terms', () => {
    const html = '<script>alert("MTTR")</script><p><b>canary releases</b></p><!-- deployment frequency -->';
    const markdown =
      '# MTTR\n\n- **canary releases**\n- `deployment` _frequency_\n\n[x](javascript:alert(1))';
    expect(statuses(gradeChecked(html, {}, terms))).toEqual(['met', 'met', 'met']);
    expect(statuses(gradeChecked(markdown, {}, terms))).toEqual(['met', 'met', 'met']);
  });

  it('refuses a non-string answer with an InputError', () => {
    expect(() => grade(kpis, 42 as unknown as string)).toThrowError(
      new InputError('not-a-string', 'rubricate: answer must be a string, got number'),
    );
  });
});

describe('maxAnswerLength', () => {
  it(`refuses an answer over ${MAX_ANSWER_LENGTH} characters by default, with an InputError`, () => {
    const error = (() => {
      try {
        grade(kpis, 'x'.repeat(MAX_ANSWER_LENGTH + 1));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'answer-too-long',
      message: 'rubricate: answer has 100001 characters; the limit is 100000',
    });
    expect(grade(kpis, 'x'.repeat(MAX_ANSWER_LENGTH)).flags).not.toContain('truncated');
  });

  it('honours a configured limit, or grades the start and flags truncated', () => {
    expect(() => grade(kpis, 'MTTR and lead time', { maxAnswerLength: 10 })).toThrowError(
      'rubricate: answer has 18 characters; the limit is 10',
    );
    const report = grade(kpis, 'MTTR and lead time', { maxAnswerLength: 10, onTooLong: 'truncate' });
    expect(report.flags).toContain('truncated');
    expect(report.concepts.filter((c) => c.status === 'met').map((c) => c.id)).toEqual(['mttr']);
  });
});

describe('grade options', () => {
  it('refuses a maxAnswerLength that is not a whole number ≥ 0, which would silently lift the limit', () => {
    for (const bad of [Number.NaN, -1, 0.5]) {
      expect(() => grade(kpis, 'MTTR', { maxAnswerLength: bad })).toThrowError(
        new InputError('bad-option', `rubricate: maxAnswerLength must be a whole number ≥ 0, got ${bad}`),
      );
    }
    expect(grade(kpis, 'MTTR', { maxAnswerLength: Number.POSITIVE_INFINITY }).score).toBe(1);
  });
});

/**
 * How many times longer `large` takes than `small`: the fastest of `runs` timings of each, taken alternately so that
 * a busy machine slows both alike. These tests compare times, never assert one.
 */
function timeRatio(small: () => unknown, large: () => unknown, runs = 5): number {
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    small();
    bestSmall = Math.min(bestSmall, performance.now() - started);
    started = performance.now();
    large();
    bestLarge = Math.min(bestLarge, performance.now() - started);
  }
  return bestLarge / bestSmall;
}

describe('analysis time is linear in answer length', () => {
  // wink-nlp's own work cannot be counted, so this compares times: 10× the text must cost far less than the
  // 100× a quadratic step would (these shapes took 50 s and more at 100,000 characters before runs were cut).
  const shapes = ['a', '.', '!?', 'x-', "a'", 'ab c ', 'http://x.y/', 'e\u0301', 'MTTR, '];

  it('grades 100,000 characters of the hostile shapes, all together, in under 30× the time of 10,000 of each', () => {
    const fill = (unit: string, length: number) =>
      unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    grade(kpis, 'warm up');
    const all = (length: number) => () => {
      for (const unit of shapes) grade(kpis, fill(unit, length));
    };
    expect(timeRatio(all(10_000), all(100_000), 2)).toBeLessThan(30);
  });
});

describe('HTML rendering time is linear in the evidence', () => {
  it('renders the report of a 100,000-character answer in under 100× the time of a 5,000-character one', () => {
    // Each piece of the answer used to filter every evidence span: time quadratic in the evidence (28 s at 100,000),
    // so 20× the answer took about 400× the time; linear, it takes about 20×.
    const report = (length: number) =>
      grade(kpis, 'MTTR, lead time, CFR, deployment frequency. '.repeat(2300).slice(0, length));
    const small = report(5_000);
    const large = report(100_000);
    renderHtml(small);
    expect(
      timeRatio(
        () => renderHtml(small),
        () => renderHtml(large),
      ),
    ).toBeLessThan(100);
  });
});

describe('drafting time is linear in the model answer', () => {
  it('drafts two 45,000-character list items without a full stop in under 30× the time of two of 4,500', () => {
    // The first sentence of an item was found by a regular expression that backtracked: time quadratic in its length.
    const items = (words: number) => `- ${'word '.repeat(words)}\n- ${'word '.repeat(words)}`;
    draftRubric(items(100));
    expect(
      timeRatio(
        () => draftRubric(items(900)),
        () => draftRubric(items(9_000)),
        2,
      ),
    ).toBeLessThan(30);
  });
});
