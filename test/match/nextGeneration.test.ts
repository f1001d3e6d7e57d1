import { describe, expect, it } from 'vitest';
import { nextGeneration } from '../../src/match/nextGeneration.js';

describe('nextGeneration', () => {
  it('counts up and leaves the stamps alone, so the entries marked with the old generation are unmarked', () => {
    const stamps = Uint32Array.of(0, 7, 3);
    const generation = nextGeneration(stamps, 7);
    expect(generation).toBe(8);
    expect([...stamps]).toEqual([0, 7, 3]);
    expect([...stamps].filter((stamp) => stamp === generation)).toEqual([]);
  });

  it('clears every stamp and starts again at 1 after the last 32-bit value', () => {
    const stamps = Uint32Array.of(2 ** 32 - 1, 1, 5);
    expect(nextGeneration(stamps, 2 ** 32 - 1)).toBe(1);
    expect([...stamps]).toEqual([0, 0, 0]);
  });
});
