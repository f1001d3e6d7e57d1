import type { Rubric } from '../rubric/schema.js';
import { phraseSimilarity } from '../text/phraseSimilarity.js';

/** The concept whose label or patterns look most like a phrase, and how much (0–1, two decimals). */
export interface NearestConcept {
  id: string;
  label: string;
  similarity: number;
}

const SHORT = 60;
const textsCache = new WeakMap<Rubric, string[][]>();

/** A pattern as plain words: syntax (`(a|b)`, `*`, `=`, `..3`, `?`) becomes spaces. */
const plainWords = (pattern: string) =>
  pattern
    .replace(/\.\.\d*|[()|*=?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Per concept: its label and patterns as plain words, each cut to 60 characters. */
function conceptTexts(rubric: Rubric): string[][] {
  let texts = textsCache.get(rubric);
  if (!texts) {
    texts = rubric.concepts.map((concept) =>
      [concept.label, ...concept.match, ...(concept.partial ?? [])].map((t) => plainWords(t).slice(0, SHORT)),
    );
    textsCache.set(rubric, texts);
  }
  return texts;
}

/**
 * The concept nearest to a phrase by string similarity against each concept's label and patterns (first in
 * rubric order on a tie); undefined when no concept shares a letter pair with the phrase.
 * @example nearestConcept(rubric, 'blast radius') // { id: 'impact', label: 'Limits the impact radius', similarity: 0.47 }
 */
export function nearestConcept(rubric: Rubric, phrase: string): NearestConcept | undefined {
  const short = phrase.slice(0, SHORT);
  let best = 0;
  let index = -1;
  conceptTexts(rubric).forEach((texts, i) => {
    const similarity = Math.max(...texts.map((t) => phraseSimilarity(short, t)));
    if (similarity > best) {
      best = similarity;
      index = i;
    }
  });
  const concept = rubric.concepts[index];
  return concept && { id: concept.id, label: concept.label, similarity: Math.round(best * 100) / 100 };
}
