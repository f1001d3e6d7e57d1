/** Typographic apostrophes (’ ‘ ʼ), read as `'`: "don’t" is "don't" to patterns and negation. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/**
 * A text with its typographic apostrophes made plain, its length unchanged.
 * @example plainApostrophes('don’t') // "don't"
 */
export function plainApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}
