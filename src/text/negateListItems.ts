import type { Token } from './types.js';

const SEPARATORS = new Set([',', '/']);
const CONJUNCTIONS = new Set(['and', 'or', 'nor', '&']);
/** Parts of speech of the words of a list item: names, nouns, their adjectives, numbers and determiners. */
const ITEM_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X', 'SYM', 'DET', 'PART']);
/** A verb right after the "list" makes it the subject of a new clause ("…, GitLab and GitHub are our tools"). */
const CLAUSE_TAGS = new Set(['VERB', 'AUX']);

/**
 * Carry a negation over the rest of a list it begins: wink ends the scope of "haven't used Terraform, Ansible or
 * Puppet" at the first comma, leaving "Ansible" and "Puppet" as if used. The list is the nouns, names and
 * adjectives after the comma, up to a closing "and" / "or" / "nor" and its item; without that conjunction
 * ("MTTR, lead time is what we track"), when it follows the comma at once ("no downtime, and blue-green for big
 * releases"), or when a verb follows ("…, GitLab and GitHub are our tools"), nothing is carried. Changes `negated`
 * in place.
 */
export function negateListItems(tokens: readonly Token[]): void {
  let inScope = false;
  let listing = false;
  let pending: Token[] = [];
  let joined = false;
  let closed = false;
  const settle = (next: Token | undefined) => {
    if (closed && !(next && CLAUSE_TAGS.has(next.pos))) for (const t of pending) t.negated = true;
    pending = [];
    joined = false;
    closed = false;
    listing = false;
  };
  let sentence = -1;
  for (const t of tokens) {
    if (t.kind === 'space') continue;
    if (t.sentence !== sentence) {
      settle(undefined);
      inScope = false;
      sentence = t.sentence;
    }
    if (t.negated) {
      settle(t);
      inScope = true;
    } else if (inScope && SEPARATORS.has(t.text)) {
      listing = true;
    } else if (listing && CONJUNCTIONS.has(t.lower) && pending.length > 0) {
      // ", and" straight after the negated part starts a new clause ("no downtime, and blue-green for …").
      joined = true;
    } else if (listing && ITEM_TAGS.has(t.pos) && (t.kind === 'word' || t.kind === 'number')) {
      pending.push(t);
      closed ||= joined;
    } else {
      settle(t);
      inScope = false;
    }
  }
  settle(undefined);
}
