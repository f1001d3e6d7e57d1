import { STOP_WORDS } from '../match/words.js';
import type { Rubric } from '../rubric/schema.js';
import type { AnalyzedText } from '../text/types.js';
import type { ConceptResult, Flag } from './types.js';

/** Share of an answer's content words that must sit inside evidence for a keyword list. */
export const KEYWORD_LIST_COVERAGE = 0.6;

/**
 * Flags about the answer as a whole: `empty` (no words), `too-short` (fewer than scoring.minWords words),
 * `keyword-list` (two or more concepts credited, most content words are rubric terms, and no verb outside them).
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
  const verbOutside = words.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && !inside(t.start));
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
