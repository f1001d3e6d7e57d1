import { checkMarked, type MarkedAnswer, type SkippedRow } from '../calibrate/checkMarked.js';
import { InputError } from '../errors.js';
import { grade, MAX_ANSWER_LENGTH } from '../grade.js';
import { type CompiledRubric, compileRubric } from '../rubric/compileRubric.js';
import type { Rubric, RubricInput } from '../rubric/schema.js';
import { scoreRubric } from '../score/scoreRubric.js';
import { analyze } from '../text/analyze.js';
import { contentPhrases } from './contentPhrases.js';
import { type NearestConcept, nearestConcept } from './nearestConcept.js';
import { snippet } from './snippet.js';

/** Options for `suggestAliases`; the defaults suit a few dozen marked answers. */
export interface SuggestOptions {
  /** Most suggestions returned (default 20). */
  top?: number;
  /** Fewest high-scoring answers a phrase must appear in, unmatched (default 3). */
  minCount?: number;
  /** Human score ÷ maximum at or above which an answer is high-scoring (default 0.8). */
  high?: number;
  /** Human score ÷ maximum below which an answer is low-scoring (default 0.5). */
  low?: number;
}

/** A phrase that good answers use and no pattern matches: a candidate alias. */
export interface AliasSuggestion {
  /** The phrase as most often written (case-folded), usable as a pattern. */
  phrase: string;
  /** High-scoring answers in which it appears outside every evidence span. */
  high: number;
  /** Low-scoring answers in which it appears. */
  low: number;
  /** Share of high-scoring answers with it ÷ share of low-scoring ones, (count + ½) ÷ (answers + 1) each: the ranking. */
  lift: number;
  /** Up to two high-scoring answers using it: the row's line and the text around the phrase. */
  examples: { line: number; text: string }[];
  /** The concept whose label or patterns look most like the phrase: where it probably belongs. */
  nearest?: NearestConcept;
}

/** The outcome of `suggestAliases`. */
export interface AliasSuggestions {
  rubric: { id: string; title: string };
  /** Number of high-scoring answers (human score ≥ `high` × maxScore). */
  highAnswers: number;
  /** Number of low-scoring answers (human score < `low` × maxScore). */
  lowAnswers: number;
  /** Best first: highest lift, then most high-scoring answers, then alphabetical. */
  suggestions: AliasSuggestion[];
  /** Rows that could not be used, in input order. */
  skipped: SkippedRow[];
}

interface Tally {
  answers: Set<number>;
  surfaces: Map<string, number>;
  examples: { line: number; text: string }[];
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new InputError('bad-option', `rubricate: ${name} must be a whole number ≥ ${min}, got ${value}`);
  return value;
}

/** True when `inner` is a run of consecutive words of `outer` (both space-separated). */
const containsWords = (outer: string, inner: string) => ` ${outer} `.includes(` ${inner} `);

/**
 * Find candidate aliases: phrases of 1–3 content words (lemmatized, case-folded, stop words left out) that
 * high-scoring marked answers use outside every evidence span, in at least `minCount` of them, and that are
 * rarer in low-scoring answers — with counts, lift, examples and the nearest concept. Phrases that some
 * pattern already matches are never suggested; a phrase is left out when a longer suggested phrase holding
 * it appears in just as many high-scoring answers.
 * @example
 * suggestAliases(rubric, marked).suggestions[0]; // { phrase: 'blast radius', high: 4, low: 0, lift: 7.5, … }
 */
export function suggestAliases(
  rubric: Rubric | RubricInput | CompiledRubric,
  marked: Iterable<MarkedAnswer>,
  options: SuggestOptions = {},
): AliasSuggestions {
  const top = wholeNumber('top', options.top ?? 20, 1);
  const minCount = wholeNumber('minCount', options.minCount ?? 3, 1);
  const highRatio = options.high ?? 0.8;
  const lowRatio = options.low ?? 0.5;
  if (!(lowRatio >= 0 && lowRatio <= highRatio && highRatio <= 1))
    throw new InputError(
      'bad-option',
      `rubricate: need 0 ≤ low ≤ high ≤ 1, got low ${lowRatio} and high ${highRatio}`,
    );
  const compiled = compileRubric(rubric);
  const spec = compiled.rubric;
  const { maxScore } = scoreRubric(spec, { concepts: [], misconceptions: [] });
  const { answers, skipped } = checkMarked(spec, maxScore, marked);

  const tallies = new Map<string, Tally>();
  const lowCounts = new Map<string, number>();
  let highAnswers = 0;
  let lowAnswers = 0;
  answers.forEach((a, index) => {
    // Rounded, so that 2.4 of 3 is 80 %: in floating point it is 0.7999999999999999.
    const ratio = maxScore > 0 ? Math.round((a.score / maxScore) * 1e9) / 1e9 : Number.NaN;
    const text = a.answer.slice(0, MAX_ANSWER_LENGTH);
    if (ratio < lowRatio) {
      lowAnswers++;
      for (const key of new Set(contentPhrases(analyze(text)).map((p) => p.key)))
        lowCounts.set(key, (lowCounts.get(key) ?? 0) + 1);
      return;
    }
    if (!(ratio >= highRatio)) return;
    highAnswers++;
    const report = grade(compiled, text);
    const spans = [...report.concepts, ...report.misconceptions].flatMap((r) => r.evidence);
    for (const p of contentPhrases(analyze(text))) {
      if (spans.some((e) => e.start < p.end && p.start < e.end)) continue;
      let tally = tallies.get(p.key);
      if (!tally) {
        tally = { answers: new Set(), surfaces: new Map(), examples: [] };
        tallies.set(p.key, tally);
      }
      const surface = text.slice(p.start, p.end).toLowerCase().replace(/\s+/g, ' ');
      tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
      if (tally.answers.has(index)) continue;
      tally.answers.add(index);
      if (tally.examples.length < 2)
        tally.examples.push({ line: a.line, text: snippet(text, p.start, p.end) });
    }
  });

  const asked = new Set(spec.question ? contentPhrases(analyze(spec.question), 1).map((p) => p.key) : []);
  const smoothed = (count: number, total: number) => (count + 0.5) / (total + 1);
  const candidates = [...tallies]
    .filter(([key, tally]) => tally.answers.size >= minCount && !key.split(' ').every((w) => asked.has(w)))
    .map(([key, tally]) => {
      const low = lowCounts.get(key) ?? 0;
      const phrase = [...tally.surfaces].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
      const lift = smoothed(tally.answers.size, highAnswers) / smoothed(low, lowAnswers);
      return { key, phrase, high: tally.answers.size, low, lift, examples: tally.examples };
    })
    .filter((c) => c.low === 0 || c.high / highAnswers > c.low / lowAnswers)
    .filter((c) => {
      const report = grade(compiled, c.phrase);
      return [...report.concepts, ...report.misconceptions].every((r) => r.evidence.length === 0);
    });
  const suggestions = candidates
    .filter(
      (c) => !candidates.some((d) => d.key !== c.key && d.high === c.high && containsWords(d.key, c.key)),
    )
    .sort(
      (x, y) =>
        y.lift - x.lift || y.high - x.high || (x.phrase < y.phrase ? -1 : x.phrase > y.phrase ? 1 : 0),
    )
    .slice(0, top)
    .map(({ phrase, high, low, lift, examples }): AliasSuggestion => {
      const nearest = nearestConcept(spec, phrase);
      return {
        phrase,
        high,
        low,
        lift: Math.round(lift * 100) / 100,
        examples,
        ...(nearest ? { nearest } : {}),
      };
    });
  return { rubric: { id: spec.id, title: spec.title }, highAnswers, lowAnswers, suggestions, skipped };
}
