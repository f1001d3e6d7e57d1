import { STOP_WORDS } from '../src/match/words.js';
import type { Rubric, RubricInput } from '../src/rubric/schema.js';
import { between, pick, type Random, seeded } from './random.js';

const COMMON = new Set(
  'about after also because been before being could does doing from have here into just like more most much only other over some such than that their them then there these they this those very what when where which while with would your'.split(
    ' ',
  ),
);

/**
 * Distinct content words (3+ letters, not stop words) of the rubrics' patterns and marked examples, sorted:
 * a realistic vocabulary.
 */
export function vocabulary(rubrics: readonly Rubric[]): string[] {
  const words = new Set<string>();
  for (const rubric of rubrics) {
    const texts = [
      ...rubric.concepts.flatMap((c) => [...c.match, ...(c.partial ?? [])]),
      ...rubric.examples.map((e) => e.answer),
    ];
    for (const text of texts) {
      for (const word of text.toLowerCase().match(/[a-z]{3,}/g) ?? [])
        if (!COMMON.has(word) && !STOP_WORDS.has(word)) words.add(word);
    }
  }
  return [...words].sort();
}

/** A pattern in one of the shapes rubric authors write: phrases, alternatives, optional stop words, gaps, prefixes. */
function generatePattern(words: readonly string[], random: Random): string {
  const w = () => pick(random, words);
  switch (between(random, 0, 4)) {
    case 0:
      return `${w()} ${w()}`;
    case 1:
      return `(${w()}|${w()}) ${w()}`;
    case 2:
      return `${w()} (of|for)? ${w()} (${w()}|${w()})`;
    case 3: {
      const last = w();
      return `${w()} .. ${last.slice(0, Math.max(4, last.length - 3))}*`;
    }
    default:
      return `${w()} ${w()} ${w()}`;
  }
}

/**
 * A rubric of `concepts` concepts (2–4 patterns each, a partial pattern on a third of them) and one
 * misconception per 20 concepts, its words drawn from `words`. Deterministic for a seed.
 */
export function generateRubric(concepts: number, words: readonly string[], seed = 7): RubricInput {
  const random = seeded(seed);
  return {
    id: `bench/generated-${concepts}`,
    title: `Generated rubric of ${concepts} concepts`,
    concepts: Array.from({ length: concepts }, (_, i) => {
      const match = Array.from({ length: between(random, 2, 4) }, () => generatePattern(words, random));
      return {
        id: `c${i + 1}`,
        label: `Concept ${i + 1}`,
        match,
        ...(random() < 1 / 3 ? { partial: [generatePattern(words, random)] } : {}),
        feedback: { missing: `Mention ${match[0]}.` },
      };
    }),
    misconceptions: Array.from({ length: Math.floor(concepts / 20) }, (_, i) => ({
      id: `m${i + 1}`,
      label: `Misconception ${i + 1}`,
      match: [generatePattern(words, random)],
    })),
  };
}
