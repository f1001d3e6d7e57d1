import { InputError } from '../errors.js';
import { joinsWords } from '../text/joinsWords.js';
import type { AnalyzedText, Token } from '../text/types.js';
import type { PatternInfo, PatternSet } from './indexPatterns.js';
import type { Hit, Lexicon, TokenEntry } from './lexicon.js';
import { isPredicateNegated } from './negation.js';
import { PatternRunner, type RunInput } from './patternRunner.js';
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
  index: readonly number[];
  /** True when punctuation or a sentence boundary separates a word from the previous one. */
  breakBefore: readonly boolean[];
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

/** Joiners between two parts of one written word ("CI/CD", "CI-CD"). */
const JOINERS = new Set(['-', '/', '–']);

/** Whether tokens `from` to `to` spell one written word: no space between, and nothing but a hyphen or slash. */
function touching(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if ((tokens[k] as Token).end !== (tokens[k + 1] as Token).start) return false;
    if (k > from && !JOINERS.has((tokens[k] as Token).text)) return false;
  }
  return true;
}

/** What matching reads of an analysed answer: its words (`WordView`) and what each spells (`RunInput`). */
export interface AnswerWords extends WordView, RunInput {}

/** The words of an analysed answer and the lexicon words each spells, alone and joined with the next. */
export function answerWords(analyzed: AnalyzedText, lexicon: Lexicon, stats?: MatchStats): AnswerWords {
  const view = wordView(analyzed.tokens);
  const n = view.index.length;
  // Plain loops over the answer's words: this runs for every word of every answer.
  const words: Token[] = new Array(n);
  const entries: TokenEntry[] = new Array(n);
  const hits: Hit[][] = new Array(n);
  for (let p = 0; p < n; p++) {
    const word = view.tokens[view.index[p] as number] as Token;
    const entry = lexicon.entry(word, stats);
    checkBudget(stats);
    words[p] = word;
    entries[p] = entry;
    hits[p] = entry.hits;
  }
  const pairHits: Hit[][] = new Array(n);
  for (let p = 0; p < n; p++) {
    const adjacent =
      p + 1 < n && !view.breakBefore[p + 1] && (view.index[p + 1] as number) - (view.index[p] as number) <= 2;
    pairHits[p] = adjacent
      ? lexicon.lookupPair(
          entries[p] as TokenEntry,
          entries[p + 1] as TokenEntry,
          touching(view.tokens, view.index[p] as number, view.index[p + 1] as number),
        )
      : NO_HITS;
  }
  // Named, not spread from the view: spreading it took 40 % of this function's time.
  return { tokens: view.tokens, index: view.index, breakBefore: view.breakBefore, words, hits, pairHits };
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
  const { patterns, byFirst, stopStarters, span: maxSkip } = set;
  const { last: reach } = set.packed;
  const input = answerWords(analyzed, lexicon, stats);
  const { tokens, index: tokenOf, words, breakBefore, hits, pairHits } = input;
  const n = words.length;
  const runner = new PatternRunner(input, set.packed, stats);

  const matches: RawMatch[] = [];
  // The lists of patterns to run from a position: each ascending, without repeats (a pattern's first and second
  // words are sets). One list is run as it is; several are merged.
  const lists: (readonly number[])[] = [];
  const merged: number[] = [];
  const consider = (list: readonly number[] | undefined) => {
    if (list !== undefined && list.length > 0) lists.push(list);
  };
  const startedBy = (id: number) => (id < byFirst.length ? byFirst[id] : undefined);
  // Patterns with a gap or an optional stop word after their first word run only if a word past it occurs within
  // their reach; where the answer's words occur is recorded the first time a position needs it.
  let recorded = false;
  const occursIn = (ids: readonly number[], from: number, to: number): boolean => {
    if (!recorded) set.positions.fill(hits, pairHits);
    recorded = true;
    return set.positions.within(ids, from, to);
  };
  const reached: number[] = [];
  for (let s = 0; s < n; s++) {
    if (lists.length > 0) lists.length = 0;
    if (reached.length > 0) reached.length = 0;
    // A first word spelt by two answer words: every pattern it starts.
    const pairs = pairHits[s] as Hit[];
    for (let h = 0; h < pairs.length; h++) consider(startedBy((pairs[h] as Hit).id)?.all);
    // A first word spelt by word s: a pattern that knows its second word runs only if a word that can be its
    // second is there — word s + 1 or, past fillers a match may skip, the first word after them; a gated pattern,
    // only if a word past its gap occurs within its reach.
    const word = words[s] as Token;
    const own = hits[s] as Hit[];
    let to = s;
    let stop = false;
    // Where the second word can be: read only when word s spells a rubric word.
    while (
      own.length > 0 &&
      to + 1 < n &&
      to - s < maxSkip &&
      (words[to + 1] as Token).sentence === word.sentence
    ) {
      to++;
      const lower = (words[to] as Token).lower;
      stop ||= STOP_WORDS.has(lower);
      if (!FILLERS.has(lower) || breakBefore[to]) break;
    }
    for (let h = 0; h < own.length; h++) {
      const index = startedBy((own[h] as Hit).id);
      if (!index) continue;
      consider(index.open);
      const { gapped, gapWords } = index;
      for (let k = 0; k < gapped.length; k++) {
        const i = gapped[k] as number;
        if (occursIn(gapWords[k] as number[], s, s + (reach[i] as number))) reached.push(i);
      }
      for (let q = s + 1; q <= to; q++) {
        const seconds = hits[q] as Hit[];
        for (let k = 0; k < seconds.length; k++) consider(index.bySecond.get((seconds[k] as Hit).id));
        const pairSeconds = pairHits[q] as Hit[];
        for (let k = 0; k < pairSeconds.length; k++) consider(index.bySecond.get((pairSeconds[k] as Hit).id));
      }
      if (stop && index.stop.length > 0) consider(index.stop);
    }
    if (reached.length > 0) consider(reached.sort(ascending));
    if (stopStarters.length > 0 && STOP_WORDS.has(word.lower)) consider(stopStarters);
    if (lists.length === 0) continue;
    let candidates = lists[0] as readonly number[];
    if (lists.length > 1) {
      merged.length = 0;
      for (const list of lists) for (let k = 0; k < list.length; k++) merged.push(list[k] as number);
      merged.sort(ascending);
      candidates = merged;
    }
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c] as number;
      // A pattern can be found through several words: run it once.
      if (c > 0 && candidates[c - 1] === i) continue;
      checkBudget(stats);
      if (!runner.run(i, s)) continue;
      const pattern = patterns[i] as PatternInfo;
      const first = tokenOf[s] as number;
      const last = tokenOf[runner.end] as number;
      let flagged = false;
      for (let t = first; t <= last && !pattern.hasCue; t++) flagged ||= (tokens[t] as Token).negated;
      matches.push({
        pattern: i,
        start: (tokens[first] as Token).start,
        end: (tokens[last] as Token).end,
        sentence: word.sentence,
        via: runner.via,
        similarity: runner.similarity,
        negated: flagged || isPredicateNegated(tokens, last),
      });
    }
  }
  return matches;
}
