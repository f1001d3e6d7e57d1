import { isValidPattern } from './isValidPattern.js';
import { type KeyPhrase, keyPhrases } from './keyPhrases.js';
import { STATE_WORDS } from './opposites.js';
import { phrasePatterns, restatesQuestion } from './phrasePatterns.js';
import type { DraftedConcept } from './types.js';

/** A phrase naming a state or relation ("closed path", "different paths"): what the sentence asserts. */
function statesRelation(phrase: KeyPhrase): boolean {
  return phrase.words.some((w) => STATE_WORDS.has(w.lower));
}

/**
 * The most concepts an answer may draft for a relation among them to be required: in a short answer ("separated by
 * the gap") the relation is what it asserts; in a longer one it is one idea among several, and requiring it would
 * fail answers that make the other points ("smash the samples … in the same size area").
 */
const MAX_CONCEPTS_FOR_REQUIRED = 2;

/**
 * Points for each concept drafted from the first sentence that drafts any, when later sentences draft more: a model
 * answer states its answer first and explains it after ("X. When equal amounts … are compared, …").
 */
const FIRST_SENTENCE_POINTS = 2;

/**
 * The share of its points a concept keeps when it names only an identifier, a lone letter or number ("bulb C",
 * "terminal 4"): answers refer to those by "it" or "they" ("they are in separate paths" for "A and C are in different
 * paths"), so an identifier left unsaid is weak evidence of a wrong answer.
 */
const IDENTIFIER_SHARE = 0.25;

/** True when every pattern is one letter or one number (`=A`, `c`, `4`). */
const namesIdentifier = (match: readonly string[]): boolean =>
  match.every((pattern) => /^(?:=?\p{L}|\p{N}+)$/u.test(pattern));

/** A phrase's label: its words as written, after the cue that negates it ("no gap", "not connected"). */
function labelOf(phrase: KeyPhrase): string {
  return phrase.negation === undefined ? phrase.text : `${phrase.negation} ${phrase.text}`;
}

/**
 * Concepts for prose: one per key phrase that says something the question does not (every phrase when all of
 * them only restate the question), its patterns drafted by `phrasePatterns`. A phrase stating a relation is
 * required when the answer drafts at most `MAX_CONCEPTS_FOR_REQUIRED` concepts; concepts from the first sentence
 * are worth `FIRST_SENTENCE_POINTS` when later sentences draft more; a concept naming only an identifier keeps
 * `IDENTIFIER_SHARE` of its points.
 * @example draftPhraseConcepts('The water evaporated.', new Set(['water'])).map((d) => d.concept.label) // ['evaporated']
 */
export function draftPhraseConcepts(text: string, question: ReadonlySet<string>): DraftedConcept[] {
  const phrases = keyPhrases(text, question);
  const fresh = phrases.filter((phrase) => !restatesQuestion(phrase));
  const drafted: { concept: DraftedConcept; relation: boolean; sentence: string }[] = [];
  for (const phrase of fresh.length > 0 ? fresh : phrases) {
    const { match, opposite } = phrasePatterns(phrase);
    const valid = match.filter(isValidPattern);
    if (valid.length === 0) continue;
    const label = labelOf(phrase);
    const notes = [`from "${phrase.sentence}"`];
    if (phrase.negation !== undefined) notes.push('negated there, so an answer must say it is absent');
    if (fresh.length === 0) notes.push('the question already uses these words');
    const contradiction = opposite.filter(isValidPattern);
    drafted.push({
      relation: statesRelation(phrase),
      sentence: phrase.sentence,
      concept: {
        concept: {
          id: '',
          label,
          match: valid,
          feedback: { missing: `Mention ${label} (model answer: "${phrase.sentence}").` },
        },
        review: notes.join('; '),
        ...(contradiction.length > 0 ? { opposite: { match: contradiction, source: label } } : {}),
      },
    });
  }
  const requires = drafted.length <= MAX_CONCEPTS_FOR_REQUIRED;
  const first = drafted[0]?.sentence;
  const weighs = drafted.some((d) => d.sentence !== first);
  return drafted.map(({ concept, relation, sentence }) => {
    const required = relation && requires;
    const weighted = weighs && sentence === first;
    const identifier = namesIdentifier(concept.concept.match);
    const points = (weighted ? FIRST_SENTENCE_POINTS : 1) * (identifier ? IDENTIFIER_SHARE : 1);
    const pointsNote = identifier
      ? `${points} points: names only an identifier, which answers often leave to "it" or "they"${weighted ? ` (${IDENTIFIER_SHARE} × the first sentence's ${FIRST_SENTENCE_POINTS})` : ''}`
      : weighted
        ? `${FIRST_SENTENCE_POINTS} points: from the first sentence, which states the answer`
        : undefined;
    const notes = [
      concept.review,
      ...(pointsNote ? [pointsNote] : []),
      ...(required ? ['required: it states the relation, so an answer without it fails'] : []),
      ...(relation && !required
        ? [`states a relation, not required: one of ${drafted.length} concepts`]
        : []),
    ];
    const { id, label, match, feedback } = concept.concept;
    return {
      ...concept,
      concept: {
        id,
        label,
        ...(required ? { required: true } : {}),
        ...(points !== 1 ? { points } : {}),
        match,
        ...(feedback ? { feedback } : {}),
      },
      review: notes.join('; '),
    };
  });
}
