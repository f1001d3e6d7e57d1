import { deriveAcronyms } from '../match/compilePattern.js';
import { parsePattern } from '../match/parsePattern.js';
import { WORD_BREAKS } from '../match/words.js';
import { analyze, wordForms } from '../text/analyze.js';
import { isValidPattern } from './isValidPattern.js';

const MAX_ASIDE_WORDS = 3;
const COORDINATION = /\s+(?:and|&|or)\s+|\s*,\s*/i;

/**
 * A heading word as the answer's token reads it: punctuation dropped, but kept where wink keeps it inside a token — a
 * leading @ or # ("@oncall"), a sign before a number ("+5"), & between letters ("AT&T"), : between digits ("10:30").
 */
function tokenText(word: string): string {
  return word
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}'’.@#&+:-]/gu, '')
    .replace(/(?!^)[@#]|\+(?!\d)|(?!^)\+/g, '')
    .replace(/&(?!\p{L})|(?<!\p{L})&/gu, '')
    .replace(/:(?!\d)|(?<!\d):/g, '');
}

/** A pattern word of a heading, and whether punctuation the matcher reads as a break (`"`, `]`, `:`) comes before it. */
interface HeadingWord {
  word: string;
  broken: boolean;
}

/** Lower-case words of one heading alternative, as pattern words; "a/b" becomes "(a|b)" unless both are acronyms. */
function patternWords(text: string): HeadingWord[] {
  const words: HeadingWord[] = [];
  let broken = false;
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    const parts = raw.split('/').filter((part) => /[\p{L}\p{N}]/u.test(part));
    const clean = parts.map(tokenText);
    const word =
      parts.length > 1 && !parts.every((part) => part === part.toUpperCase())
        ? `(${clean.join('|')})`
        : clean.join('/');
    if (/[\p{L}\p{N}]/u.test(word)) {
      words.push({ word, broken: broken || WORD_BREAKS.has(raw[0] as string) });
      broken = WORD_BREAKS.has(raw.at(-1) as string);
    } else broken ||= [...raw].some((c) => WORD_BREAKS.has(c));
  }
  return words;
}

/**
 * The pattern of heading words: adjacent, except a gap of one word where the heading has a break between them
 * (`"Shift left" testing` → `shift left ..1 testing`), since the matcher does not read a phrase across a break.
 */
function joinWords(words: readonly HeadingWord[]): string {
  return words.map(({ word, broken }, i) => (i > 0 && broken ? `..1 ${word}` : word)).join(' ');
}

/** Drop the words at either end that the question already uses ("Staging Environment" → "staging"), keeping one at least. */
function trimQuestionWords(words: HeadingWord[], question: ReadonlySet<string>): HeadingWord[] {
  const known = ({ word }: HeadingWord) =>
    !word.startsWith('(') &&
    analyze(word).tokens.some((t) => question.has(t.lower) || question.has(t.lemma) || question.has(t.stem));
  let start = 0;
  let end = words.length;
  while (end - start > 1 && known(words[start] as HeadingWord)) start++;
  while (end - start > 1 && known(words[end - 1] as HeadingWord)) end--;
  return words.slice(start, end);
}

/**
 * Patterns that name a list item's heading: each coordinated part ("Monitoring and Maintenance" → two
 * patterns), `a/b` as alternatives, words the question uses trimmed from the ends, and a short aside in
 * parentheses ("Secrets (Vault)") as one more pattern unless it is an acronym the engine derives anyway
 * ("Mean Time to Recovery (MTTR)").
 * @example headingPatterns('Mean Time to Recovery (MTTR)', new Set()) // ['mean time to recovery']
 */
export function headingPatterns(heading: string, question: ReadonlySet<string>): string[] {
  const asides: string[] = [];
  const text = heading.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    if (!/[,;]/.test(inner) && inner.trim().split(/\s+/).length <= MAX_ASIDE_WORDS) asides.push(inner.trim());
    return ' ';
  });
  const patterns: string[] = [];
  for (const part of text.split(COORDINATION)) {
    const pattern = joinWords(trimQuestionWords(patternWords(part), question));
    if (isValidPattern(pattern)) patterns.push(pattern);
  }
  const derived = new Set(patterns.flatMap((p) => deriveAcronyms(parsePattern(p), wordForms)));
  for (const aside of asides) {
    const pattern = joinWords(patternWords(aside));
    if (!derived.has(aside.toUpperCase()) && isValidPattern(pattern)) patterns.push(pattern);
  }
  return [...new Set(patterns)];
}
