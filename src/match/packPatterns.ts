import { type CompiledPattern, closures } from './compilePattern.js';

/** Filler words ("the", "our") a match may skip, at most this many beyond the pattern's own span. */
export const MAX_FILLERS = 4;

/** Operation codes of packed states. */
export const OP_WORD = 0;
export const OP_STOP = 1;
export const OP_ANY = 2;
export const OP_SPLIT = 3;
export const OP_ACCEPT = 4;

/** Ints per packed state. */
export const STATE_SIZE = 4;

/**
 * A rubric's compiled patterns packed into one typed array, so that a run reads a few adjacent cache lines
 * rather than objects spread over the heap (with thousands of patterns, those cache misses were most of the
 * cost of matching).
 */
export interface PackedPatterns {
  /**
   * STATE_SIZE ints per state, every pattern's states in turn: the op, then — word: lexicon id, next state, 1
   * if loose; stop: next state, 1 if loose; any: next state; split: where its closure starts in `code` and how
   * many states it has; accept: nothing. Closures follow the states.
   */
  code: Int32Array;
  /** Per pattern: its start state (an index into the states of `code`). */
  start: Int32Array;
  /** Per pattern: the last offset from the start word a run reads (its widest span plus fillers, plus one). */
  last: Int32Array;
}

/** Pack compiled patterns (see PackedPatterns). */
export function packPatterns(patterns: readonly CompiledPattern[]): PackedPatterns {
  const states = patterns.reduce((n, p) => n + p.steps.length, 0);
  const code: number[] = [];
  const tail: number[] = [];
  const start = new Int32Array(patterns.length);
  const last = new Int32Array(patterns.length);
  let base = 0;
  patterns.forEach((pattern, i) => {
    const closed = closures(pattern.steps);
    pattern.steps.forEach((step, s) => {
      if (step.op === 'word') code.push(OP_WORD, step.id, base + step.next, step.loose ? 1 : 0);
      else if (step.op === 'stop') code.push(OP_STOP, base + step.next, step.loose ? 1 : 0, 0);
      else if (step.op === 'any') code.push(OP_ANY, base + step.next, 0, 0);
      else if (step.op === 'accept') code.push(OP_ACCEPT, 0, 0, 0);
      else {
        const closure = closed[s] ?? [];
        code.push(OP_SPLIT, states * STATE_SIZE + tail.length, closure.length, 0);
        for (const t of closure) tail.push(base + t);
      }
    });
    start[i] = base + pattern.start;
    last[i] = pattern.maxWords + MAX_FILLERS + 1;
    base += pattern.steps.length;
  });
  return { code: Int32Array.from([...code, ...tail]), start, last };
}
