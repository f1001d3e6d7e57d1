import type { CompiledPattern } from './compilePattern.js';
import { type PackedPatterns, packPatterns } from './packPatterns.js';
import { WordPositions } from './wordPositions.js';

/** The patterns whose first word can be one lexicon word, grouped by what their second word can be. */
export interface FirstWordIndex {
  /** Every such pattern. */
  readonly all: readonly number[];
  /** Those whose next word is not known in advance (the pattern may end, or a gap leads to a stop word): always run. */
  readonly open: readonly number[];
  /**
   * Those with a gap or an optional stop word after the first word: run only when a word the run must read past it
   * (`gapWords`, in the same order) is in reach.
   */
  readonly gapped: readonly number[];
  readonly gapWords: readonly (readonly number[])[];
  /** The others, by each lexicon id their second word can match. */
  readonly bySecond: ReadonlyMap<number, readonly number[]>;
  /** The others whose second word can be an optional stop word. */
  readonly stop: readonly number[];
}

/** A first-word index as it is built. */
interface Building {
  all: number[];
  open: number[];
  gapped: number[];
  gapWords: number[][];
  bySecond: Map<number, number[]>;
  stop: number[];
}

/**
 * One empty list and one empty map for every index that has none: a large rubric has thousands of first words, most
 * with few patterns, and matching reads an index at every answer word that spells its word.
 */
const NONE: readonly number[] = [];
const NO_WORDS: readonly (readonly number[])[] = [];
const NO_SECONDS: ReadonlyMap<number, readonly number[]> = new Map();

/** The index with its empty lists and map replaced by the shared ones: fewer objects for matching to read. */
function compact(index: Building): FirstWordIndex {
  const list = (items: number[]): readonly number[] => (items.length > 0 ? items : NONE);
  return {
    all: list(index.all),
    open: list(index.open),
    gapped: list(index.gapped),
    gapWords: index.gapWords.length > 0 ? index.gapWords : NO_WORDS,
    bySecond: index.bySecond.size > 0 ? index.bySecond : NO_SECONDS,
    stop: list(index.stop),
  };
}

/** What grading reads of a compiled pattern once it is packed: its automaton's steps and indexes are dropped. */
export type PatternInfo = Pick<CompiledPattern, 'source' | 'hasCue'>;

/** Compiled patterns indexed by their first (and, where known, second) word; built once per rubric. */
export interface PatternSet {
  /** Each pattern's source and what matching reads of it (a compiled rubric keeps no automaton objects: ~15 % of its memory). */
  patterns: readonly PatternInfo[];
  /** The same patterns packed for running. */
  packed: PackedPatterns;
  /** By lexicon id (an array as long as the largest first-word id + 1, so a look-up is one load). */
  byFirst: readonly (FirstWordIndex | undefined)[];
  /** Patterns that can start with an optional stop word. */
  stopStarters: readonly number[];
  /** The most words past its start word any run reads (the largest of `packed.last`). */
  span: number;
  /** Where the words of `gapWords` occur in the answer being matched (refilled for each answer). */
  positions: WordPositions;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Index compiled patterns by their possible first words and, for most, second words, so that each answer
 * position runs only the patterns its words can continue: with a large rubric, most patterns that share a
 * first word fail at the second.
 */
export function indexPatterns(patterns: readonly CompiledPattern[]): PatternSet {
  let size = 0;
  for (const pattern of patterns) for (const id of pattern.first) size = Math.max(size, id + 1);
  // Filled, not assigned past its end: V8 would keep a sparse array as a slow dictionary.
  const byFirst: (Building | undefined)[] = new Array(size).fill(undefined);
  const stopStarters: number[] = [];
  patterns.forEach((pattern, i) => {
    for (const id of pattern.first) {
      let index = byFirst[id];
      if (!index) {
        index = { all: [], open: [], gapped: [], gapWords: [], bySecond: new Map(), stop: [] };
        byFirst[id] = index;
      }
      index.all.push(i);
      const second = pattern.second.get(id);
      const afterGap = pattern.afterGap.get(id);
      if (afterGap) {
        index.gapped.push(i);
        index.gapWords.push([...afterGap]);
      } else if (!second) index.open.push(i);
      else {
        for (const next of second.ids) push(index.bySecond, next, i);
        if (second.stop) index.stop.push(i);
      }
    }
    if (pattern.firstStop) stopStarters.push(i);
  });
  const packed = packPatterns(patterns);
  return {
    patterns: patterns.map(({ source, hasCue }) => ({ source, hasCue })),
    packed,
    byFirst: byFirst.map((index) => index && compact(index)),
    stopStarters,
    span: packed.last.reduce((a, b) => Math.max(a, b), 0),
    positions: new WordPositions(byFirst.flatMap((index) => index?.gapWords.flat() ?? [])),
  };
}
