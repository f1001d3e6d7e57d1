import type { Token } from './types.js';

const JOINABLE = new Set(['word', 'number']);
/** A capital, then a small letter ("Then"); a module constant, as `analyze.ts` explains. */
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
/** Short words a sentence often starts with, when a writer leaves out the space after a full stop ("on.the"). */
const SENTENCE_STARTS = new Set([
  'a',
  'an',
  'the',
  'it',
  'i',
  'we',
  'he',
  'she',
  'and',
  'but',
  'so',
  'or',
  'if',
]);

/** The parts of a token `joinsWords` reads. */
type Part = Pick<Token, 'text' | 'lower' | 'kind' | 'start' | 'end'>;

/**
 * True when `dot` is a full stop inside a name (`Node.js`, `ASP.NET`, `socket.io`): it touches a word on each
 * side (`before`, `after`) and the word after it is a short suffix, not the start of a sentence written without
 * its space ("closed.The", "on.the"). Such a stop neither ends a sentence nor separates the words around it.
 * @example const [, , node, dot, js] = analyze('We use Node.js').tokens; joinsWords(node, dot, js) // true
 */
export function joinsWords(
  before: Part | undefined,
  dot: Part | undefined,
  after: Part | undefined,
): boolean {
  return (
    dot?.text === '.' &&
    before !== undefined &&
    after !== undefined &&
    before.end === dot.start &&
    after.start === dot.end &&
    JOINABLE.has(before.kind) &&
    JOINABLE.has(after.kind) &&
    after.text.length <= 3 &&
    !TITLE_CASE.test(after.text) &&
    !SENTENCE_STARTS.has(after.lower)
  );
}
