import type { AnalyzedText, Token } from '../text/types.js';
import type { CompiledPattern, Step } from './compilePattern.js';
import type { Hit, Lexicon } from './lexicon.js';
import { isPredicateNegated } from './negation.js';
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

/** Compiled patterns indexed by the lexicon ids their first word can match; built once per rubric. */
export interface PatternSet {
  patterns: readonly CompiledPattern[];
  byFirst: ReadonlyMap<number, readonly number[]>;
  /** Patterns that can start with an optional stop word. */
  stopStarters: readonly number[];
}

/** Index compiled patterns by their possible first words, so each answer position runs only its candidates. */
export function indexPatterns(patterns: readonly CompiledPattern[]): PatternSet {
  const byFirst = new Map<number, number[]>();
  const stopStarters: number[] = [];
  patterns.forEach((pattern, i) => {
    for (const id of pattern.first) {
      const list = byFirst.get(id);
      if (list) list.push(i);
      else byFirst.set(id, [i]);
    }
    if (pattern.firstStop) stopStarters.push(i);
  });
  return { patterns, byFirst, stopStarters };
}

interface Thread {
  via: number;
  similarity: number;
}

const READABLE = new Set(['word', 'number', 'symbol']);
const MAX_FILLERS = 4;

function wordView(tokens: readonly Token[]): WordView {
  const index: number[] = [];
  const breakBefore: boolean[] = [];
  let broken = true;
  let sentence = -1;
  tokens.forEach((t, i) => {
    if (READABLE.has(t.kind)) {
      index.push(i);
      breakBefore.push(broken || t.sentence !== sentence);
      broken = false;
      sentence = t.sentence;
    } else if (t.kind === 'punctuation' && WORD_BREAKS.has(t.text)) {
      broken = true;
    }
  });
  return { tokens, index, breakBefore };
}

function better(a: Thread, b: Thread): boolean {
  return a.via < b.via || (a.via === b.via && a.similarity > b.similarity);
}

/**
 * Find every occurrence of the compiled patterns in an analysed answer. Each start position runs only the
 * patterns whose first word it matches, and each run reads at most the pattern's span: linear in the answer.
 */
export function findMatches(analyzed: AnalyzedText, lexicon: Lexicon, set: PatternSet): RawMatch[] {
  const { patterns, byFirst, stopStarters } = set;
  const view = wordView(analyzed.tokens);
  const n = view.index.length;
  const tokenAt = (p: number) => view.tokens[view.index[p] as number] as Token;
  const hits: Hit[][] = [];
  const pairHits: Hit[][] = [];
  for (let p = 0; p < n; p++) {
    const t = tokenAt(p);
    hits.push(lexicon.lookup(t));
    const adjacent =
      p + 1 < n && !view.breakBefore[p + 1] && (view.index[p + 1] as number) - (view.index[p] as number) <= 2;
    pairHits.push(adjacent ? lexicon.lookupPair(t, tokenAt(p + 1)) : []);
  }

  const hitOf = (list: Hit[], id: number) => list.find((h) => h.id === id);

  const run = (pattern: CompiledPattern, s: number): { end: number; thread: Thread } | undefined => {
    const steps = pattern.steps;
    const sentence = tokenAt(s).sentence;
    const limit = pattern.maxWords + MAX_FILLERS;
    const sets: Map<number, Thread>[] = [];
    const put = (offset: number, state: number, thread: Thread): void => {
      let set = sets[offset];
      if (!set) {
        set = new Map();
        sets[offset] = set;
      }
      const step = steps[state] as Step;
      if (step.op === 'split') {
        for (const next of step.next) put(offset, next, thread);
        return;
      }
      const old = set.get(state);
      if (!old || better(thread, old)) set.set(state, thread);
    };
    const advance = (thread: Thread, hit: Hit): Thread => ({
      via: Math.max(thread.via, hit.via),
      similarity: Math.min(thread.similarity, hit.similarity),
    });

    put(0, pattern.start, { via: 0, similarity: 1 });
    let best: { end: number; thread: Thread } | undefined;
    for (let offset = 0; offset <= limit + 1; offset++) {
      const set = sets[offset];
      if (!set) continue;
      const accepted = set.get(0);
      if (accepted) best = { end: s + offset - 1, thread: accepted };
      const p = s + offset;
      if (p >= n || tokenAt(p).sentence !== sentence) continue;
      const token = tokenAt(p);
      const adjacent = offset === 0 || !view.breakBefore[p];
      for (const [state, thread] of set) {
        const step = steps[state] as Step;
        if (step.op === 'word') {
          if (!adjacent && !step.loose) continue;
          const hit = hitOf(hits[p] as Hit[], step.id);
          if (hit) put(offset + 1, step.next, advance(thread, hit));
          const pair = hitOf(pairHits[p] as Hit[], step.id);
          if (pair) put(offset + 2, step.next, advance(thread, pair));
        } else if (step.op === 'stop') {
          if ((adjacent || step.loose) && STOP_WORDS.has(token.lower)) put(offset + 1, step.next, thread);
        } else if (step.op === 'any') {
          put(offset + 1, step.next, thread);
        }
        if (step.op !== 'accept' && offset > 0 && adjacent && FILLERS.has(token.lower))
          put(offset + 1, state, thread);
      }
    }
    return best;
  };

  const matches: RawMatch[] = [];
  const lastTried = new Array<number>(patterns.length).fill(-1);
  for (let s = 0; s < n; s++) {
    const candidates: number[] = [];
    const consider = (list: readonly number[] | undefined) => {
      for (const i of list ?? []) {
        if (lastTried[i] !== s) {
          lastTried[i] = s;
          candidates.push(i);
        }
      }
    };
    for (const hit of hits[s] as Hit[]) consider(byFirst.get(hit.id));
    for (const hit of pairHits[s] as Hit[]) consider(byFirst.get(hit.id));
    if (STOP_WORDS.has(tokenAt(s).lower)) consider(stopStarters);
    candidates.sort((a, b) => a - b);
    for (const i of candidates) {
      const pattern = patterns[i] as CompiledPattern;
      const found = run(pattern, s);
      if (!found) continue;
      const first = view.index[s] as number;
      const last = view.index[found.end] as number;
      let flagged = false;
      for (let t = first; t <= last && !pattern.hasCue; t++) flagged ||= (view.tokens[t] as Token).negated;
      matches.push({
        pattern: i,
        start: (view.tokens[first] as Token).start,
        end: (view.tokens[last] as Token).end,
        sentence: tokenAt(s).sentence,
        via: found.thread.via,
        similarity: found.thread.similarity,
        negated: flagged || isPredicateNegated(view.tokens, last),
      });
    }
  }
  return matches;
}
