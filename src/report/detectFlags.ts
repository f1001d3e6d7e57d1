import { STOP_WORDS, WORD_BREAKS } from '../match/words.js';
import type { Rubric } from '../rubric/schema.js';
import type { AnalyzedText, Token } from '../text/types.js';
import type { ConceptResult, Flag } from './types.js';

/** Share of an answer's content words that must sit inside evidence for a keyword list. */
export const KEYWORD_LIST_COVERAGE = 0.6;

/** Words in list items (between commas, semicolons, bullets and line breaks) too short to be a clause. */
const LIST_ITEM_WORDS = 2;

/** For each word, the number of words in its list item: the stretch between separators or sentence ends. */
function itemLengths(tokens: readonly Token[]): Map<Token, number> {
  const lengths = new Map<Token, number>();
  let item: Token[] = [];
  const close = () => {
    for (const t of item) lengths.set(t, item.length);
    item = [];
  };
  let sentence = -1;
  for (const t of tokens) {
    if (t.sentence !== sentence) close();
    sentence = t.sentence;
    if (t.kind === 'word' || t.kind === 'number') item.push(t);
    else if (WORD_BREAKS.has(t.text) || t.text === '-' || t.text === '•' || t.text === '*') close();
  }
  close();
  return lengths;
}

/**
 * Flags about the answer as a whole: `empty` (no words), `too-short` (fewer than scoring.minWords words),
 * `keyword-list` (two or more concepts credited, most content words are rubric terms, and no verb outside them
 * except in list items of one or two words, where "logs" or "builds" is a noun whatever the tagger says).
 */
export function detectFlags(
  rubric: Rubric,
  analyzed: AnalyzedText,
  concepts: readonly ConceptResult[],
): Flag[] {
  const words = analyzed.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  if (words.length === 0) return ['empty'];
  const flags: Flag[] = [];
  if (words.length < rubric.scoring.minWords) flags.push('too-short');
  // Mark covered characters once (difference array): linear in answer length plus evidence.
  const depth = new Int32Array(analyzed.text.length + 1);
  for (const e of concepts.flatMap((c) => c.evidence)) {
    depth[e.start] = (depth[e.start] ?? 0) + 1;
    depth[e.end] = (depth[e.end] ?? 0) - 1;
  }
  for (let i = 1; i < depth.length; i++) depth[i] = (depth[i] ?? 0) + (depth[i - 1] ?? 0);
  const inside = (start: number) => (depth[start] ?? 0) > 0;
  const credited = concepts.filter((c) => c.status === 'met' || c.status === 'partial').length;
  const content = words.filter((t) => !STOP_WORDS.has(t.lower));
  const covered = content.filter((t) => inside(t.start)).length;
  const items = itemLengths(analyzed.tokens);
  const verbOutside = words.some(
    (t) => (t.pos === 'VERB' || t.pos === 'AUX') && !inside(t.start) && (items.get(t) ?? 0) > LIST_ITEM_WORDS,
  );
  if (
    credited >= 2 &&
    content.length > 0 &&
    covered / content.length >= KEYWORD_LIST_COVERAGE &&
    !verbOutside
  ) {
    flags.push('keyword-list');
  }
  return flags;
}
