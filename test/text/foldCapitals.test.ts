import { describe, expect, it } from 'vitest';
import { foldCapitals } from '../../src/text/foldCapitals.js';

/** The definition: each capital whose lower case has the same length, lower-cased alone. */
const byCapital = (text: string) =>
  text.replace(/\p{Lu}/gu, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch));

describe('foldCapitals', () => {
  it('lower-cases exactly the capitals, for every code point of the runtime, alone and between words', () => {
    const differs: string[] = [];
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      for (const text of [`é ${ch}`, `ÉTÉ${ch}ÉTÉ ${ch}.`])
        if (foldCapitals(text) !== byCapital(text)) differs.push(code.toString(16));
    }
    expect(differs).toEqual([]);
  });

  it('keeps what lower-casing a whole text would change otherwise: Σ by its place, title case, numerals, İ', () => {
    expect(foldCapitals('ΟΔΟΣ ΣΟΦΙΑ')).toBe('οδοσ σοφια');
    expect(foldCapitals('ǅemal Ⅻ Ⓐ')).toBe('ǅemal Ⅻ Ⓐ');
    expect(foldCapitals('İstanbul ÉTÉ')).toBe('İstanbul été');
    expect(foldCapitals('CAFÉ — “DON’T”')).toBe('café — “don’t”');
  });
});
