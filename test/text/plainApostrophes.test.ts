import { describe, expect, it } from 'vitest';
import { plainApostrophes } from '../../src/text/plainApostrophes.js';

describe('plainApostrophes', () => {
  it('makes ’ ‘ and ʼ plain apostrophes, keeping the length and every other character', () => {
    const text = 'don’t ‘quote’ Oʼ"x" `y`';
    expect(plainApostrophes(text)).toBe("don't 'quote' O'\"x\" `y`");
    expect(plainApostrophes(text)).toHaveLength(text.length);
  });
});
