import { isValidPattern } from './isValidPattern.js';
import { type KeyPhrase, keyPhrases } from './keyPhrases.js';
import { STATE_WORDS } from './opposites.js';
import { phrasePatterns, restatesQuestion } from './phrasePatterns.js';
import type { DraftedConcept } from './types.js';

/** A phrase naming a state or relation ("closed path", "different paths"): what the sentence asserts. */
function statesRelation(phrase: KeyPhrase): boolean {
  return phrase.words.some((w) => STATE_WORDS.has(w.lower));
}

/** A phrase's label: its words as written, after the cue that negates it ("no gap", "not connected"). */
function labelOf(phrase: KeyPhrase): string {
  return phrase.negation === undefined ? phrase.text : `${phrase.negation} ${phrase.text}`;
}

/**
 * Concepts for prose: one per key phrase that says something the question does not (every phrase when all of
 * them only restate the question), its patterns drafted by `phrasePatterns`.
 * @example draftPhraseConcepts('The water evaporated.', new Set(['water'])).map((d) => d.concept.label) // ['evaporated']
 */
export function draftPhraseConcepts(text: string, question: ReadonlySet<string>): DraftedConcept[] {
  const phrases = keyPhrases(text, question);
  const fresh = phrases.filter((phrase) => !restatesQuestion(phrase));
  const drafted: DraftedConcept[] = [];
  for (const phrase of fresh.length > 0 ? fresh : phrases) {
    const { match, opposite } = phrasePatterns(phrase);
    const valid = match.filter(isValidPattern);
    if (valid.length === 0) continue;
    const label = labelOf(phrase);
    const notes = [`from "${phrase.sentence}"`];
    if (phrase.negation !== undefined) notes.push('negated there, so an answer must say it is absent');
    if (fresh.length === 0) notes.push('the question already uses these words');
    if (statesRelation(phrase)) notes.push('required: it states the relation, so an answer without it fails');
    const contradiction = opposite.filter(isValidPattern);
    drafted.push({
      concept: {
        id: '',
        label,
        ...(statesRelation(phrase) ? { required: true } : {}),
        match: valid,
        feedback: { missing: `Mention ${label} (model answer: "${phrase.sentence}").` },
      },
      review: notes.join('; '),
      ...(contradiction.length > 0 ? { opposite: { match: contradiction, source: label } } : {}),
    });
  }
  return drafted;
}
