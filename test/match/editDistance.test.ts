import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/match/editDistance.js';

describe('editDistance', () => {
  it.each([
    ['frequency', 'frequency', 0],
    ['frequncy', 'frequency', 1],
    ['kubernets', 'kubernetes', 1],
    ['rollbakc', 'rollback', 1],
    ['vinager', 'vinegar', 2],
    ['contaneir', 'container', 2],
  ])('%s → %s is %i edits', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });

  it('stops at max + 1 once the distance is known to exceed max', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('short', 'muchlongerword', 2)).toBe(3);
  });
});
