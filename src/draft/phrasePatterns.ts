import type { KeyPhrase, PhraseWord } from './keyPhrases.js';
import { oppositeOf } from './opposites.js';
import { withVariants } from './variants.js';

/** Patterns drafted for one key phrase. */
export interface PhrasePatterns {
  /** Patterns that credit the phrase (any one). */
  match: string[];
  /** Patterns for the contradicting statement ("connected" for "not connected"), if there is one. */
  opposite: string[];
}

/** The negation cues a negated phrase is matched with. */
const PATTERN_CUES = ['not', 'no', 'never', "n't", 'without'];
/** Words that grade or compare but name nothing on their own ("more water": "more" needs its noun). */
const DEGREE = new Set(['more', 'less', 'fewer', 'most', 'least', 'same', 'different', 'very']);
const GAP = '..2';
/** The gap after a modifier in a noun phrase, where answers add a word of their own ("same closed path" for "same path"). */
const MODIFIER_GAP = '..2';

/** One element of a drafted pattern: a phrase word, a word put in its place, or a gap. */
type Part = PhraseWord | string;

const isNoun = (word: PhraseWord): boolean => word.pos === 'NOUN' || word.pos === 'PROPN';

/** A word that tells things apart on its own: a graded or opposable word, a number or a letter ("negative", "4", "C"). */
function distinguishes(word: PhraseWord): boolean {
  return (
    DEGREE.has(word.lower) ||
    oppositeOf(word.lower) !== undefined ||
    word.pos === 'NUM' ||
    /^\p{Lu}$/u.test(word.text)
  );
}

/** How many words a phrase word is to the matcher: one per part of a joined word ("D-cell", "blue/green"). */
const matcherWords = (word: PhraseWord): number =>
  word.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length || 1;

/** The kept words in order, with a gap wherever words were left out between two kept ones (room for at least as many). */
function withGaps(words: readonly PhraseWord[], keep: (word: PhraseWord, i: number) => boolean): Part[] {
  const parts: Part[] = [];
  let skipped = 0;
  words.forEach((word, i) => {
    if (!keep(word, i)) {
      if (parts.length > 0) skipped += matcherWords(word);
      return;
    }
    if (skipped > 0) parts.push(skipped > 2 ? `..${skipped}` : GAP);
    skipped = 0;
    parts.push(word);
  });
  return parts;
}

/**
 * The words a pattern needs, or undefined when the phrase only restates the question. A noun phrase keeps its
 * head, the noun compounded with it and its distinguishing words ("larger grease spot", but "tiny bubbles" →
 * "bubbles"); words the question uses are left out, except the noun a new word qualifies ("negative .. terminal"
 * when the question names the terminal). New nouns that only qualify a question noun ("battery" in "positive
 * battery terminal") restate it.
 */
function coreParts(phrase: KeyPhrase): Part[] | undefined {
  const words = phrase.words;
  const last = words.length - 1;
  const head = words[last] as PhraseWord;
  if (words.every((w) => w.inQuestion)) return undefined;
  // A verb or adverb phrase keeps its new words, with a gap where the question's words were.
  if (phrase.kind !== 'noun') return withGaps(words, (w) => !w.inQuestion);
  if (!head.inQuestion) {
    return withGaps(
      words,
      (w, i) =>
        !w.inQuestion && (i === last || distinguishes(w) || (i === last - 1 && isNoun(w) && isNoun(head))),
    );
  }
  // Its new words that are not nouns mark the question's noun, with gaps where words lay between them, and always
  // one before the noun.
  const parts = withGaps(words, (w, i) => i === last || (!w.inQuestion && !isNoun(w)));
  if (parts.length === 1) return undefined;
  return typeof parts.at(-2) === 'string' ? parts : [...parts.slice(0, -1), GAP, head];
}

/** True when every word of the phrase is the question's, or its new words only qualify a question noun. */
export function restatesQuestion(phrase: KeyPhrase): boolean {
  return coreParts(phrase) === undefined;
}

/**
 * A phrase word as a pattern word with its variants; the capital letter A stays exact (never the article). A verb
 * with its particle ("burns out") stays two pattern words, so each matches its inflections ("burned out").
 */
function patternWord(word: PhraseWord): string {
  if (word.text === 'A') return '=A';
  return (
    word.lower
      .split(/\s+/)
      // The word as the answer has it ("@me", "+0", "10:30"), without what pattern syntax reads: ( ) | ? * and a leading =.
      .map((part) => part.replace(/[()|?*]/g, '').replace(/^=+/, ''))
      .filter((part) => /[\p{L}\p{N}]/u.test(part))
      .map(withVariants)
      .join(' ')
  );
}

/** A noun phrase's core with a gap between a modifier and the noun after it, so "same path" also credits "same closed path". */
function withModifierGaps(phrase: KeyPhrase, core: readonly Part[]): Part[] {
  if (phrase.kind !== 'noun') return [...core];
  return core.flatMap((part, i) => {
    const prev = core[i - 1];
    const afterModifier =
      typeof part !== 'string' &&
      isNoun(part) &&
      prev !== undefined &&
      typeof prev !== 'string' &&
      !isNoun(prev);
    return afterModifier ? [MODIFIER_GAP, part] : [part];
  });
}

/** Words between a noun and its modifier said as a predicate ("the circuit will be complete"). */
const PREDICATE_GAP = '..3';

/**
 * A two-word noun phrase's noun and the adjective or participle before it ("complete circuit"), which answers
 * also say as a predicate ("the circuit is complete"); undefined for other phrases, and for degree words
 * ("more water" is never "water is more").
 */
function predicateParts(
  phrase: KeyPhrase,
  core: readonly Part[],
): [noun: PhraseWord, modifier: PhraseWord] | undefined {
  const words = core.filter((part): part is PhraseWord => typeof part !== 'string');
  const [modifier, noun] = words;
  if (phrase.kind !== 'noun' || words.length !== 2 || !modifier || !noun || !isNoun(noun)) return undefined;
  return (modifier.pos === 'ADJ' || modifier.pos === 'VERB') && !DEGREE.has(modifier.lower)
    ? [noun, modifier]
    : undefined;
}

/**
 * Draft the patterns for a key phrase: its core words (all of them when it only restates the question), behind
 * a negation cue when the model answer negates it, plus the same idea said with a listed opposite ("not
 * connected" = "separated"); `opposite` holds the contradicting statement, for a misconception.
 * @example phrasePatterns(keyPhrases('The terminals are not connected.')[1]).opposite // ['(connected|attached|linked|joined|hooked)']
 */
export function phrasePatterns(phrase: KeyPhrase): PhrasePatterns {
  const core = withModifierGaps(phrase, coreParts(phrase) ?? phrase.words);
  const render = (parts: readonly Part[]) =>
    parts.map((part) => (typeof part === 'string' ? part : patternWord(part))).join(' ');
  const flipped: string[] = [];
  core.forEach((part, i) => {
    const opposite = typeof part === 'string' ? undefined : oppositeOf(part.lower);
    if (opposite && flipped.length < 2) flipped.push(render(core.map((p, j) => (j === i ? opposite : p))));
  });
  const plain = render(core);
  // The model answer's own cue is one of them ("neither B nor C"), so its draft credits the model answer.
  const cues = [
    ...PATTERN_CUES,
    ...(phrase.negation && !PATTERN_CUES.includes(phrase.negation) ? [phrase.negation] : []),
  ];
  // As many words between as the model answer has (with the phrase's own words left out before its core), and at
  // least 5 ("does not have the wire to make it complete").
  const first = phrase.words.findIndex((w) => core.includes(w));
  const before = phrase.words.slice(0, Math.max(first, 0)).reduce((n, w) => n + matcherWords(w), 0);
  const window = Math.max(5, (phrase.negationGap ?? 0) + before);
  const negate = (pattern: string) => `(${cues.join('|')}) ..${window} ${pattern}`;
  // The predicate order ("circuit ..3 complete"), and negated with the cue inside it ("circuit ..3 (not|…) ..2
  // complete"), for the phrase's modifier and for its listed opposite ("circuit ..3 incomplete").
  const predicate = predicateParts(phrase, core);
  const noun = predicate && patternWord(predicate[0]);
  const stated = (word: string | undefined, negated: boolean): string[] =>
    noun === undefined || word === undefined
      ? []
      : [`${noun} ${PREDICATE_GAP} ${negated ? `(${cues.join('|')}) ${GAP} ` : ''}${word}`];
  const modifier = predicate && patternWord(predicate[1]);
  const opposite = predicate && oppositeOf(predicate[1].lower);
  if (phrase.negation !== undefined)
    return {
      match: [negate(plain), ...stated(modifier, true), ...flipped, ...stated(opposite, false)],
      opposite: [plain, ...stated(modifier, false)],
    };
  return {
    match: [plain, ...stated(modifier, false), ...flipped.map(negate), ...stated(opposite, true)],
    opposite: [...flipped, ...stated(opposite, false)],
  };
}
