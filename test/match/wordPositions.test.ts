import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/match/lexicon.js';
import { WordPositions } from '../../src/match/wordPositions.js';

const hit = (id: number): Hit => ({ id, via: 0, similarity: 1 });
/** Hits by position, from the lexicon ids each position spells. */
const at = (...ids: number[][]): Hit[][] => ids.map((list) => list.map(hit));

describe('WordPositions', () => {
  it('finds a kept word strictly after `from` and at most at `to`, spelt alone or joined with the next word', () => {
    const positions = new WordPositions([5, 7]);
    positions.fill(at([1], [5], [], [5, 2], []), at([], [], [], [], [7]));
    expect(positions.within([5], 0, 1)).toBe(true);
    expect(positions.within([5], 1, 2)).toBe(false);
    expect(positions.within([5], 1, 3)).toBe(true);
    expect(positions.within([5], 3, 4)).toBe(false);
    expect(positions.within([9, 7], 0, 4)).toBe(true);
    expect(positions.within([7], 0, 3)).toBe(false);
  });

  it('ignores the words it does not keep', () => {
    const positions = new WordPositions([5]);
    positions.fill(at([1], [2], [3]), at([], [], []));
    expect(positions.within([1, 2, 3], -1, 2)).toBe(false);
  });

  it('finds nothing before it has read an answer', () => {
    expect(new WordPositions([5]).within([5], -1, 100)).toBe(false);
  });

  it('forgets the last answer when it reads the next one', () => {
    const positions = new WordPositions([5]);
    positions.fill(at([], [5]), at([], []));
    expect(positions.within([5], 0, 1)).toBe(true);
    positions.fill(at([], []), at([], []));
    expect(positions.within([5], 0, 1)).toBe(false);
  });

  it('keeps every occurrence of a long answer (its lists grow past their first size)', () => {
    const positions = new WordPositions([5]);
    const n = 1000;
    positions.fill(
      Array.from({ length: n }, () => [hit(5)]),
      Array.from({ length: n }, () => [hit(5)]),
    );
    for (const p of [0, 1, 500, 999]) expect(positions.within([5], p - 1, p)).toBe(true);
    expect(positions.within([5], n - 1, n + 10)).toBe(false);
  });
});
