const UPPER = /\p{Lu}/gu;

/**
 * What lower-casing the whole text changes besides capitals, or changes by context: title-case letters (ǅ),
 * Greek letters with a title-case iota (ᾈ), Roman numerals (Ⅻ) and circled letters (Ⓐ), and Σ (σ or ς by its
 * place in a word). A test checks every code point against the runtime's Unicode data.
 */
const NOT_ONLY_CAPITALS =
  /[\u01c5\u01c8\u01cb\u01f2\u03a3\u1f88-\u1f8f\u1f98-\u1f9f\u1fa8-\u1faf\u1fbc\u1fcc\u1ffc\u2160-\u216f\u24b6-\u24cf]/;

/**
 * The text with each capital (`\p{Lu}`) whose lower case has the same length lower-cased, and nothing else changed.
 * Most texts are lower-cased whole, in one call: a text is, unless it holds a character that whole-text lower-casing
 * treats otherwise or one whose lower case is longer (İ).
 * @example foldCapitals('ÉTÉ Ⅻ') // 'été Ⅻ'
 */
export function foldCapitals(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !NOT_ONLY_CAPITALS.test(text)) return lower;
  return text.replace(UPPER, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch));
}
