import type { WinkMethods } from 'wink-nlp';
import type { Rubric } from '../../src/rubric/schema.js';
import { type CorpusEntry, exampleSentences, generateAnswer } from '../corpus.js';
import { generateRubric, vocabulary } from '../generateRubric.js';
import type { Library } from '../library.js';
import { type MeasureOptions, measure, ratioOf, timeOf } from '../measure.js';
import { seeded } from '../random.js';
import { checked, fmt, type Row } from '../table.js';
import type { SectionResult } from './speed.js';

/** Answer lengths measured, in tokens. */
export const LENGTHS = [100, 1_000, 10_000, 100_000];
/** Generated rubric sizes measured, in concepts. */
export const SIZES = [10, 100, 1_000];

/** An answer for `rubric` of about `tokens` wink tokens (generated, then scaled once to the measured token rate). */
function answerOfTokens(
  rubric: Rubric,
  sentences: readonly string[],
  tokens: number,
  nlp: WinkMethods,
): string {
  const draft = generateAnswer(rubric, sentences, tokens, seeded(tokens));
  const rate = nlp.readDoc(draft).tokens().length() / tokens;
  return generateAnswer(rubric, sentences, Math.round(tokens / rate), seeded(tokens));
}

/** Time per token as answers grow from 100 to 100,000 tokens (must stay flat), beside readDoc's. */
export function lengthSection(
  { api }: Library,
  rubrics: readonly Rubric[],
  nlp: WinkMethods,
  options: MeasureOptions,
): SectionResult {
  const rubric = rubrics.find((r) => r.id === 'devops/kpis') as Rubric;
  const compiled = api.compileRubric(rubric);
  const sentences = exampleSentences(rubrics);
  const answers = LENGTHS.map((n) => answerOfTokens(rubric, sentences, n, nlp));
  const counts = answers.map((a) => nlp.readDoc(a).tokens().length());
  const tasks: Record<string, () => unknown> = {};
  answers.forEach((answer, i) => {
    tasks[`grade ${LENGTHS[i]}`] = () =>
      api.grade(compiled, answer, { maxAnswerLength: Number.POSITIVE_INFINITY });
    tasks[`readDoc ${LENGTHS[i]}`] = () => nlp.readDoc(answer);
  });
  const rounds = measure(tasks, { ...options, iterations: 3 });
  const perToken = (task: string, i: number) => (timeOf(rounds, task) * 1000) / (counts[i] as number);
  const rows: Row[] = LENGTHS.map((n, i) => ({
    section: 'answer length',
    measure: `${fmt(counts[i] as number)} tokens (${fmt((answers[i] as string).length)} chars), devops/kpis`,
    value: `${fmt(perToken(`grade ${n}`, i))} µs/token (readDoc ${fmt(perToken(`readDoc ${n}`, i))})`,
  }));
  // Per-token ratio of the longest to the 1k answer, normalised by the token counts of each.
  const growth =
    ratioOf(rounds, `grade ${LENGTHS[3]}`, `grade ${LENGTHS[1]}`) /
    ((counts[3] as number) / (counts[1] as number));
  rows.push(checked('answer length', 'time per token, 100k ÷ 1k tokens', growth, '×', '≤', 1.5));
  return { rows, data: { lengths: LENGTHS, tokens: counts, rounds, growth } };
}

/** Time per answer for generated rubrics of 10, 100 and 1,000 concepts, on the corpus answers. */
export function sizeSection(
  { api }: Library,
  rubrics: readonly Rubric[],
  corpus: readonly CorpusEntry[],
  options: MeasureOptions,
): SectionResult {
  const words = vocabulary(rubrics);
  const compiled = SIZES.map((n) => api.compileRubric(api.parseRubric(generateRubric(n, words))));
  const patterns = compiled.map((c) => c.patterns.patterns.length);
  const tasks: Record<string, () => unknown> = {};
  SIZES.forEach((n, i) => {
    const rubric = compiled[i] as (typeof compiled)[number];
    tasks[`${n} concepts`] = () => {
      for (const e of corpus) api.grade(rubric, e.answer);
    };
  });
  const rounds = measure(tasks, options);
  const rows: Row[] = SIZES.map((n, i) => ({
    section: 'rubric size',
    measure: `${fmt(n)} concepts (${fmt(patterns[i] as number)} compiled patterns)`,
    value: `${fmt((timeOf(rounds, `${n} concepts`) * 1000) / corpus.length)} µs/answer`,
  }));
  const ratio = ratioOf(rounds, '1000 concepts', '10 concepts');
  rows.push(checked('rubric size', 'time per answer, 1,000 ÷ 10 concepts', ratio, '×', '≤', 2));
  return { rows, data: { sizes: SIZES, patterns, answers: corpus.length, rounds, ratio } };
}
