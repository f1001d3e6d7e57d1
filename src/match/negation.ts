import type { Token } from '../text/types.js';
import { CLAUSE_BREAKS, NEGATION_CUES } from './words.js';

const JOINERS = new Set([',', '-', '/', '&', '–']);
const SKIPPABLE_AFTER_CUE = new Set([
  'really',
  'yet',
  'even',
  'currently',
  'always',
  'ever',
  'be',
  'been',
  'being',
]);
const NEGATED_OBJECTS = new Set(['something', 'anything', 'part', 'one', 'a', 'an', 'any', 'there', 'here']);
const MAX_SCAN = 10;

/**
 * Predicate negation that wink-nlp does not flag: the subject before "is not" / "was never" / "isn't"
 * ("MTTR is not tracked", "canary releases were never used", "lead time is not something we measure").
 * `last` is the index of the match's last token.
 */
export function isPredicateNegated(tokens: readonly Token[], last: number): boolean {
  const sentence = tokens[last]?.sentence;
  let sawAux = false;
  let words = 0;
  for (let j = last + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.sentence !== sentence) return false;
    if (t.kind === 'space') continue;
    if (t.kind === 'punctuation') {
      if (!JOINERS.has(t.text)) return false;
      // "We track MTTR, not lines of code": a contrastive "not" negates what follows it.
      if (t.text === ',' && NEGATION_CUES.has(nextWord(tokens, j)?.lower ?? '')) return false;
      continue;
    }
    if (CLAUSE_BREAKS.has(t.lower)) return false;
    // "X is not downtime, never used": a cue that negates no predicate leaves the clause open for the next one.
    if (NEGATION_CUES.has(t.lower)) {
      if (sawAux && predicateFollows(tokens, j)) return true;
      continue;
    }
    if (t.pos === 'AUX') sawAux = true;
    else if (t.pos === 'VERB') return false;
    if (++words > MAX_SCAN) return false;
  }
  return false;
}

function nextWord(tokens: readonly Token[], from: number): Token | undefined {
  for (let j = from + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.kind !== 'space') return t;
  }
  return undefined;
}

/** After "is not": a participle, an adjective, "something", or the end of the clause makes it a negated predicate. */
function predicateFollows(tokens: readonly Token[], cue: number): boolean {
  const sentence = tokens[cue]?.sentence;
  for (let j = cue + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.sentence !== sentence || t.kind === 'punctuation') return true;
    if (t.kind === 'space' || SKIPPABLE_AFTER_CUE.has(t.lower)) continue;
    if (t.pos === 'ADJ' || NEGATED_OBJECTS.has(t.lower)) return true;
    return t.pos === 'VERB' && t.lower !== t.lemma;
  }
  return true;
}
