import type { Hit } from './lexicon.js';
import { nextGeneration } from './nextGeneration.js';

/**
 * Where some lexicon words occur in one answer (spelt by one answer word or two), for the patterns that run only
 * when a word after a gap is in reach. Kept with a compiled rubric and refilled for each answer: typed arrays
 * indexed by lexicon id, so that filling costs a few stores per occurrence and no allocation.
 */
export class WordPositions {
  /** 1 for the lexicon ids whose positions are kept. */
  private readonly kept: Uint8Array;
  /** By lexicon id: where its list of positions starts, valid when its stamp is the current generation. */
  private readonly first: Int32Array;
  private readonly stamps: Uint32Array;
  /** Stamps start at 0, below every generation: nothing is found before the first `fill`. */
  private generation = 1;
  /** The lists, one entry per occurrence: a position, and the entry after it (-1 at the end). */
  private positions = new Int32Array(64);
  private next = new Int32Array(64);

  /** Positions will be kept for these lexicon ids. */
  constructor(ids: Iterable<number>) {
    const list = [...ids];
    const size = list.reduce((max, id) => Math.max(max, id + 1), 0);
    this.kept = new Uint8Array(size);
    for (const id of list) this.kept[id] = 1;
    this.first = new Int32Array(size);
    this.stamps = new Uint32Array(size);
  }

  /** Forget the last answer and record this one's: the lexicon words each position spells, alone and with the next. */
  fill(hits: readonly (readonly Hit[])[], pairHits: readonly (readonly Hit[])[]): void {
    this.generation = nextGeneration(this.stamps, this.generation);
    let count = 0;
    // From the last position back, so that each list comes out ascending.
    for (let p = hits.length - 1; p >= 0; p--) {
      count = this.record(pairHits[p] as Hit[], p, count);
      count = this.record(hits[p] as Hit[], p, count);
    }
  }

  /** Whether one of `ids` occurs at a position after `from` and at most `to`. */
  within(ids: readonly number[], from: number, to: number): boolean {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id >= this.stamps.length || this.stamps[id] !== this.generation) continue;
      for (let e = this.first[id] as number; e >= 0; e = this.next[e] as number) {
        const p = this.positions[e] as number;
        if (p > to) break;
        if (p > from) return true;
      }
    }
    return false;
  }

  private record(list: readonly Hit[], p: number, count: number): number {
    let n = count;
    for (let h = 0; h < list.length; h++) {
      const id = (list[h] as Hit).id;
      if (id >= this.kept.length || this.kept[id] !== 1) continue;
      const known = this.stamps[id] === this.generation;
      // A word spelt both alone and joined at one position is kept once.
      if (known && this.positions[this.first[id] as number] === p) continue;
      if (n === this.positions.length) this.grow();
      this.positions[n] = p;
      this.next[n] = known ? (this.first[id] as number) : -1;
      this.first[id] = n;
      this.stamps[id] = this.generation;
      n++;
    }
    return n;
  }

  private grow(): void {
    const positions = new Int32Array(this.positions.length * 2);
    positions.set(this.positions);
    this.positions = positions;
    const next = new Int32Array(this.next.length * 2);
    next.set(this.next);
    this.next = next;
  }
}
