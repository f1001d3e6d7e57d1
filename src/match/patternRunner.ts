import type { Token } from '../text/types.js';
import type { Hit } from './lexicon.js';
import {
  OP_ACCEPT,
  OP_ANY,
  OP_SPLIT,
  OP_STOP,
  OP_WORD,
  type PackedPatterns,
  STATE_SIZE,
} from './packPatterns.js';
import { FILLERS, STOP_WORDS } from './words.js';

export { MAX_FILLERS } from './packPatterns.js';

/** What pattern runs read: an answer's words and, for each, the lexicon words it (or it with the next) spells. */
export interface RunInput {
  words: readonly Token[];
  /** True when punctuation or a sentence boundary separates a word from the previous one. */
  breakBefore: readonly boolean[];
  hits: readonly (readonly Hit[])[];
  pairHits: readonly (readonly Hit[])[];
}

/** The states live at one offset of a run, each with the weakest via and similarity on its best path. */
interface Frontier {
  /** How many entries of the arrays are live (arrays keep their length between runs: no resizing). */
  size: number;
  states: number[];
  via: number[];
  similarity: number[];
}

function emptyFrontier(): Frontier {
  return { size: 0, states: [], via: [], similarity: [] };
}

function indexOf(list: readonly number[], size: number, value: number): number {
  for (let i = 0; i < size; i++) if (list[i] === value) return i;
  return -1;
}

function hitOf(list: readonly Hit[], id: number): Hit | undefined {
  // An index loop: most lists are empty, and some frozen (an iterator costs more than the search).
  for (let i = 0; i < list.length; i++) if ((list[i] as Hit).id === id) return list[i];
  return undefined;
}

/**
 * Runs packed patterns (Thompson NFAs) from a start word over one answer. Its state sets are reused from run
 * to run, so a run allocates nothing once the buffers have grown; after a successful `run`, `end`, `via` and
 * `similarity` describe the longest match.
 */
export class PatternRunner {
  /** Index of the last word of the match. */
  end = -1;
  /** Weakest way a word of the match was recognised (an index into VIAS). */
  via = 0;
  /** Lowest similarity of a word of the match. */
  similarity = 1;
  private readonly frontiers: Frontier[] = [emptyFrontier()];
  private readonly code: Int32Array;
  /** The last offset a match can reach, and the furthest offset any state has reached in this run. */
  private last = 0;
  private reach = 0;

  /** `stats.states` counts every state added, for tests that check the work is linear. */
  constructor(
    private readonly input: RunInput,
    private readonly packed: PackedPatterns,
    private readonly stats?: { states: number },
  ) {
    this.code = packed.code;
  }

  /** Run pattern `i` from word `s`; true when it matches, the longest match kept. */
  run(i: number, s: number): boolean {
    const { words, breakBefore, hits, pairHits } = this.input;
    const code = this.code;
    const sentence = (words[s] as Token).sentence;
    this.last = this.packed.last[i] as number;
    // Every frontier is empty between runs: clear those the previous run reached.
    for (let offset = 0; offset <= this.reach; offset++) (this.frontiers[offset] as Frontier).size = 0;
    this.reach = 0;
    this.put(0, this.packed.start[i] as number, 0, 1);
    let found = false;
    // Offsets beyond the furthest state added are empty: the run ends there.
    for (let offset = 0; offset <= this.reach; offset++) {
      const { size, states, via, similarity } = this.frontiers[offset] as Frontier;
      if (size === 0) continue;
      const p = s + offset;
      const token = words[p];
      const readable = token !== undefined && token.sentence === sentence;
      const adjacent = offset === 0 || !breakBefore[p];
      const filler = readable && offset > 0 && adjacent && FILLERS.has(token.lower);
      for (let k = 0; k < size; k++) {
        const state = states[k] as number;
        const at = state * STATE_SIZE;
        const op = code[at];
        const v = via[k] as number;
        const sim = similarity[k] as number;
        if (op === OP_ACCEPT) {
          found = true;
          this.end = p - 1;
          this.via = v;
          this.similarity = sim;
          continue;
        }
        if (!readable) continue;
        if (op === OP_WORD) {
          if (!adjacent && code[at + 3] === 0) continue;
          const id = code[at + 1] as number;
          const next = code[at + 2] as number;
          const hit = hitOf(hits[p] as Hit[], id);
          if (hit) this.put(offset + 1, next, Math.max(v, hit.via), Math.min(sim, hit.similarity));
          const pair = hitOf(pairHits[p] as Hit[], id);
          if (pair) this.put(offset + 2, next, Math.max(v, pair.via), Math.min(sim, pair.similarity));
        } else if (op === OP_STOP) {
          if ((adjacent || code[at + 2] === 1) && STOP_WORDS.has(token.lower))
            this.put(offset + 1, code[at + 1] as number, v, sim);
        } else if (op === OP_ANY) {
          this.put(offset + 1, code[at + 1] as number, v, sim);
        }
        if (filler) this.put(offset + 1, state, v, sim);
      }
    }
    return found;
  }

  /** Add a state (a split adds its closure) at an offset, keeping the better of two paths to the same state. */
  private put(offset: number, state: number, via: number, similarity: number): void {
    const at = state * STATE_SIZE;
    if (this.code[at] !== OP_SPLIT) {
      this.add(offset, state, via, similarity);
      return;
    }
    const from = this.code[at + 1] as number;
    const to = from + (this.code[at + 2] as number);
    for (let k = from; k < to; k++) this.add(offset, this.code[k] as number, via, similarity);
  }

  private add(offset: number, state: number, via: number, similarity: number): void {
    if (this.stats) this.stats.states++;
    // Offsets past the last one read can never be reached by a match.
    if (offset > this.last) return;
    if (offset > this.reach) this.reach = offset;
    while (this.frontiers.length <= offset) this.frontiers.push(emptyFrontier());
    const frontier = this.frontiers[offset] as Frontier;
    const k = indexOf(frontier.states, frontier.size, state);
    if (k < 0) {
      frontier.states[frontier.size] = state;
      frontier.via[frontier.size] = via;
      frontier.similarity[frontier.size] = similarity;
      frontier.size++;
    } else {
      const old = frontier.via[k] as number;
      if (via < old || (via === old && similarity > (frontier.similarity[k] as number))) {
        frontier.via[k] = via;
        frontier.similarity[k] = similarity;
      }
    }
  }
}
