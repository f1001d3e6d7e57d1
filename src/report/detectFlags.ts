import { NEGATION_CUES, STOP_WORDS, WORD_BREAKS } from '../match/words.js';
import type { Rubric } from '../rubric/schema.js';
import { joinsWords } from '../text/joinsWords.js';
import type { AnalyzedText, Token } from '../text/types.js';
import type { Evidence, Flag } from './types.js';

/** Share of an answer's content words that must sit inside evidence for a keyword list. */
export const KEYWORD_LIST_COVERAGE = 0.6;

/** Words in list items (between commas, semicolons, bullets and line breaks) too short to be a clause. */
const LIST_ITEM_WORDS = 2;

/** For each word (word and number tokens, in order), the words in its list item: the stretch between separators or sentence ends. */
function itemLengths(tokens: readonly Token[]): number[] {
  const lengths: number[] = [];
  let itemStart = 0;
  let itemWords = 0;
  const close = () => {
    for (let i = itemStart; i < lengths.length; i++) lengths[i] = itemWords;
    itemStart = lengths.length;
    itemWords = 0;
  };
  let sentence = -1;
  tokens.forEach((t, i) => {
    if (t.sentence !== sentence) close();
    sentence = t.sentence;
    if (t.kind === 'word' || t.kind === 'number') {
      lengths.push(0);
      // A negation cue is not a word of the item: "not rollback" is as short an item as "rollback".
      if (!NEGATION_CUES.has(t.lower)) itemWords++;
    } else if (
      (WORD_BREAKS.has(t.text) && !joinsWords(tokens[i - 1], t, tokens[i + 1])) ||
      t.text === '-' ||
      t.text === '•' ||
      t.text === '*'
    )
      close();
  });
  close();
  return lengths;
}

/** For each word (in order), whether its first character lies inside an evidence span: one sweep over sorted spans. */
function insideEvidence(words: readonly Token[], evidence: readonly Evidence[]): boolean[] {
  const spans = [...evidence].sort((a, b) => a.start - b.start);
  const inside: boolean[] = [];
  let next = 0;
  let reach = -1;
  for (const word of words) {
    for (; next < spans.length && (spans[next] as Evidence).start <= word.start; next++)
      reach = Math.max(reach, (spans[next] as Evidence).end);
    inside.push(word.start < reach);
  }
  return inside;
}

/**
 * Flags about the answer as a whole: `empty` (no words), `too-short` (fewer than scoring.minWords words),
 * `keyword-list` (two or more concepts mentioned, most content words are rubric terms, and no verb outside them
 * except in list items of one or two words, where "logs" or "builds" is a noun whatever the tagger says).
 * `mentioned` counts the concepts the answer mentions and `evidence` is all their evidence, negated mentions included.
 */
export function detectFlags(
  rubric: Rubric,
  analyzed: AnalyzedText,
  mentioned: number,
  evidence: readonly Evidence[],
): Flag[] {
  const words = analyzed.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  if (words.length === 0) return ['empty'];
  const flags: Flag[] = [];
  if (words.length < rubric.scoring.minWords) flags.push('too-short');
  // Negated mentions count too, so negating one term of a list can neither hide it nor raise a penalized score.
  if (mentioned < 2) return flags;
  const inside = insideEvidence(words, evidence);
  // Only sentences with evidence count, and each distinct word once: padding a list with off-topic sentences or
  // repeated words neither hides it nor makes one.
  const topical = new Set(evidence.map((e) => e.sentence));
  // A verb outside the evidence settles it, and most answers have one: test it before counting words.
  const items = itemLengths(analyzed.tokens);
  const verbOutside = words.some(
    (t, i) =>
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      !inside[i] &&
      topical.has(t.sentence) &&
      (items[i] ?? 0) > LIST_ITEM_WORDS,
  );
  if (verbOutside) return flags;
  const content = new Set<string>();
  const covered = new Set<string>();
  words.forEach((t, i) => {
    if (STOP_WORDS.has(t.lower) || NEGATION_CUES.has(t.lower) || !topical.has(t.sentence)) return;
    content.add(t.lower);
    if (inside[i]) covered.add(t.lower);
  });
  if (content.size > 0 && covered.size / content.size >= KEYWORD_LIST_COVERAGE) flags.push('keyword-list');
  return flags;
}
