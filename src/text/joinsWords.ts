import type { Token } from './types.js';

const JOINABLE = new Set(['word', 'number']);
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

/**
 * True when token `i` is a full stop inside a name (`Node.js`, `ASP.NET`, `socket.io`): it touches a word on
 * each side and the word after it is a short suffix, not the start of a sentence written without its space
 * ("closed.The", "on.the"). Such a stop neither ends a sentence nor separates the words around it.
 * @example joinsWords(analyze('We use Node.js').tokens, 3) // true: "Node" "." "js"
 */
export function joinsWords(tokens: readonly Token[], i: number): boolean {
  const dot = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    dot?.text === '.' &&
    before !== undefined &&
    after !== undefined &&
    before.end === dot.start &&
    after.start === dot.end &&
    JOINABLE.has(before.kind) &&
    JOINABLE.has(after.kind) &&
    after.text.length <= 3 &&
    !/^\p{Lu}\p{Ll}/u.test(after.text) &&
    !SENTENCE_STARTS.has(after.lower)
  );
}
