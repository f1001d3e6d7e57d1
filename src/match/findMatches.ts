import { InputError } from '../errors.js';
import { joinsWords } from '../text/joinsWords.js';
import type { AnalyzedText, Token } from '../text/types.js';
import type { CompiledPattern } from './compilePattern.js';
import type { PatternSet } from './indexPatterns.js';
import type { Hit, Lexicon, TokenEntry } from './lexicon.js';
import { isPredicateNegated } from './negation.js';
import { PatternRunner } from './patternRunner.js';
import { FILLERS, STOP_WORDS, WORD_BREAKS } from './words.js';

/** A pattern occurrence in an answer, before scoring. */
export interface RawMatch {
  /** Index of the pattern in the matcher (what the caller registered). */
  pattern: number;
  start: number;
  end: number;
  sentence: number;
  via: number;
  similarity: number;
  negated: boolean;
}

/** The words of an answer that patterns read: no punctuation or spaces, with where adjacency breaks. */
interface WordView {
  tokens: readonly Token[];
  /** Index into `tokens` of each word. */
  index: number[];
  /** True when punctuation or a sentence boundary separates a word from the previous one. */
  breakBefore: boolean[];
}

const ascending = (a: number, b: number) => a - b;
const NO_HITS: Hit[] = [];

function wordView(tokens: readonly Token[]): WordView {
  const index: number[] = [];
  const breakBefore: boolean[] = [];
  let broken = true;
  let sentence = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'word' || t.kind === 'number' || t.kind === 'symbol') {
      index.push(i);
      breakBefore.push(broken || t.sentence !== sentence);
      broken = false;
      sentence = t.sentence;
    } else if (
      t.kind === 'punctuation' &&
      WORD_BREAKS.has(t.text) &&
      !joinsWords(tokens[i - 1], t, tokens[i + 1])
    ) {
      broken = true;
    }
  });
  return { tokens, index, breakBefore };
}

/** Counts the automaton states a call visits (work linear in the answer) and can cap them. */
export interface MatchStats {
  states: number;
  /** Rubric words visited by misspelling look-ups of the answer's new words (`Lexicon.entry`). */
  fuzzy?: number;
  /** Most states plus fuzzy steps: past it, matching stops with an InputError `too-complex`. */
  limit?: number;
}

function checkBudget(stats: MatchStats | undefined): void {
  if (stats?.limit !== undefined && stats.states + (stats.fuzzy ?? 0) > stats.limit) {
    throw new InputError(
      'too-complex',
      `rubricate: matching this answer against the rubric needs more than ${stats.limit} steps; shorten the answer or simplify the rubric`,
    );
  }
}

/**
 * Find every occurrence of the compiled patterns in an analysed answer. Each start position runs only the
 * patterns whose first word it matches, and each run reads at most the pattern's span: linear in the answer.
 */
export function findMatches(
  analyzed: AnalyzedText,
  lexicon: Lexicon,
  set: PatternSet,
  stats?: MatchStats,
): RawMatch[] {
  const { patterns, byFirst, stopStarters } = set;
  const view = wordView(analyzed.tokens);
  const n = view.index.length;
  const tokenAt = (p: number) => view.tokens[view.index[p] as number] as Token;
  const entries = view.index.map((i) => {
    const entry = lexicon.entry(view.tokens[i] as Token, stats);
    checkBudget(stats);
    return entry;
  });
  const hits = entries.map((entry) => entry.hits);
  const pairHits = entries.map((entry, p) => {
    const adjacent =
      p + 1 < n && !view.breakBefore[p + 1] && (view.index[p + 1] as number) - (view.index[p] as number) <= 2;
    return adjacent ? lexicon.lookupPair(entry, entries[p + 1] as TokenEntry) : NO_HITS;
  });

  const runner = new PatternRunner(
    { words: view.index.map((i) => view.tokens[i] as Token), breakBefore: view.breakBefore, hits, pairHits },
    set.packed,
    stats,
  );

  const matches: RawMatch[] = [];
  const candidates: number[] = [];
  const consider = (list: readonly number[] | undefined) => {
    if (list) for (const i of list) candidates.push(i);
  };
  for (let s = 0; s < n; s++) {
    if (candidates.length > 0) candidates.length = 0;
    // A first word spelt by two answer words: every pattern it starts.
    for (const hit of pairHits[s] as Hit[]) consider(byFirst.get(hit.id)?.all);
    // A first word spelt by word s: the second is word s + 1, so a pattern that knows its second word runs only
    // if word s + 1 can be it — or is a filler, which a match may skip.
    const next = s + 1 < n && tokenAt(s + 1).sentence === tokenAt(s).sentence ? tokenAt(s + 1) : undefined;
    const filler = next !== undefined && FILLERS.has(next.lower);
    for (const hit of hits[s] as Hit[]) {
      const index = byFirst.get(hit.id);
      if (!index) continue;
      if (filler) {
        consider(index.all);
        continue;
      }
      consider(index.open);
      if (!next) continue;
      for (const second of hits[s + 1] as Hit[]) consider(index.bySecond.get(second.id));
      for (const second of pairHits[s + 1] as Hit[]) consider(index.bySecond.get(second.id));
      if (index.stop.length > 0 && STOP_WORDS.has(next.lower)) consider(index.stop);
    }
    if (stopStarters.length > 0 && STOP_WORDS.has(tokenAt(s).lower)) consider(stopStarters);
    if (candidates.length > 1) candidates.sort(ascending);
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c] as number;
      // A pattern can be found through several words: run it once.
      if (c > 0 && candidates[c - 1] === i) continue;
      checkBudget(stats);
      if (!runner.run(i, s)) continue;
      const pattern = patterns[i] as CompiledPattern;
      const first = view.index[s] as number;
      const last = view.index[runner.end] as number;
      let flagged = false;
      for (let t = first; t <= last && !pattern.hasCue; t++) flagged ||= (view.tokens[t] as Token).negated;
      matches.push({
        pattern: i,
        start: (view.tokens[first] as Token).start,
        end: (view.tokens[last] as Token).end,
        sentence: tokenAt(s).sentence,
        via: runner.via,
        similarity: runner.similarity,
        negated: flagged || isPredicateNegated(view.tokens, last),
      });
    }
  }
  return matches;
}
