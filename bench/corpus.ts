import { type PatternNode, parsePattern } from '../src/match/parsePattern.js';
import type { Rubric } from '../src/rubric/schema.js';
import { between, pick, type Random, seeded } from './random.js';

/** One answer of the bench corpus and the rubric it is graded against. */
export interface CorpusEntry {
  rubric: Rubric;
  answer: string;
  /** The mark, for the rubric's own examples (generated answers have none). */
  score?: number;
  /** The concepts the mark credits, where the example lists them. */
  concepts?: readonly string[];
}

const FILLER_SENTENCES = [
  'To be honest I have mostly worked on the backend side of things.',
  'It depends a lot on the size of the team and on the product.',
  'That was a hard lesson for us, and it took a few months to get right.',
  'Our manager asked for this after a bad quarter.',
  'I think the tooling matters less than the habits of the people using it.',
  'We wrote most of it down in a wiki page that nobody reads anymore.',
  'Some of this came from a conference talk I watched a couple of years ago.',
  'Honestly, it was messy at first but it got better.',
];
const GAP_FILLERS = ['really', 'very', 'quite', 'new', 'main', 'whole'];
const SUFFIXES = ['', 's', 'ing', 'ment', 'ed'];
const TEMPLATES = [
  (p: string) => `We rely on ${p}.`,
  (p: string) => `In my last team ${p} was the thing we watched most closely.`,
  (p: string) => `I would start with ${p}, because everything else builds on it.`,
  (p: string) => `${p[0]?.toUpperCase()}${p.slice(1)} matters because it shows how healthy the process is.`,
  (p: string) => `Another point is ${p}; we discussed it in every retrospective.`,
];
const NEGATED = (p: string) => `We never really used ${p}.`;

function realizeNodes(nodes: readonly PatternNode[], random: Random): string[] {
  const words: string[] = [];
  for (const node of nodes) {
    if (node.kind === 'gap') {
      for (let i = between(random, 0, Math.min(node.max, 2)); i > 0; i--)
        words.push(pick(random, GAP_FILLERS));
    } else if (!node.optional || random() < 0.5) {
      if (node.kind === 'group') words.push(...realizeNodes(pick(random, node.branches), random));
      else words.push(node.prefix ? node.text + pick(random, SUFFIXES) : node.text);
    }
  }
  return words;
}

/** One phrase a rubric pattern matches: a random alternative, fillers in its gaps, a suffix on each `prefix*`. */
export function realize(pattern: string, random: Random): string {
  return realizeNodes(parsePattern(pattern), random).join(' ');
}

/** Misspell a word of 6 or more letters by swapping two inner letters (`deployment` → `depolyment`). */
function misspell(word: string, random: Random): string {
  if (word.length < 6 || !/^[a-z]+$/.test(word)) return word;
  const i = between(random, 1, word.length - 3);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** The sentences of every marked example of the rubrics: realistic prose to pad generated answers with. */
export function exampleSentences(rubrics: readonly Rubric[]): string[] {
  return rubrics.flatMap((r) =>
    r.examples.flatMap((e) => e.answer.split(/(?<=[.!?])\s+/).filter((s) => s.split(' ').length >= 3)),
  );
}

/**
 * An answer of about `words` words for a rubric: phrases its patterns match (some negated, some misspelt)
 * in sentence templates, mixed with example sentences of any rubric and off-topic filler.
 */
export function generateAnswer(
  rubric: Rubric,
  sentences: readonly string[],
  words: number,
  random: Random,
): string {
  const patterns = rubric.concepts.flatMap((c) => [...c.match, ...(c.partial ?? [])]);
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const r = random();
    let sentence: string;
    if (r < 0.45) {
      const phrase = realize(pick(random, patterns), random)
        .split(' ')
        .map((w) => (random() < 0.04 ? misspell(w, random) : w))
        .join(' ');
      sentence = random() < 0.08 ? NEGATED(phrase) : pick(random, TEMPLATES)(phrase);
    } else {
      sentence = pick(random, r < 0.85 ? sentences : FILLER_SENTENCES);
    }
    out.push(sentence, random() < 0.1 ? '\n' : ' ');
    count += sentence.split(' ').length;
  }
  return out.join('').trim();
}

/**
 * The fixed corpus: every rubric's marked examples, then `perRubric` generated answers of 20–400 words
 * (log-uniform) each. Deterministic for a seed.
 */
export function buildCorpus(rubrics: readonly Rubric[], perRubric: number, seed = 1): CorpusEntry[] {
  const random = seeded(seed);
  const sentences = exampleSentences(rubrics);
  const corpus: CorpusEntry[] = rubrics.flatMap((rubric) =>
    rubric.examples.map((e) => ({
      rubric,
      answer: e.answer,
      score: e.score,
      ...(e.concepts ? { concepts: e.concepts } : {}),
    })),
  );
  for (const rubric of rubrics) {
    for (let i = 0; i < perRubric; i++) {
      const words = Math.round(20 * 20 ** random());
      corpus.push({ rubric, answer: generateAnswer(rubric, sentences, words, random) });
    }
  }
  return corpus;
}
