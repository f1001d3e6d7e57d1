import { CLAUSE_BREAKS, NEGATION_CUES, STOP_WORDS } from '../match/words.js';
import { analyze } from '../text/analyze.js';
import type { Token } from '../text/types.js';

/** One word of a key phrase: what the answer wrote and how it compares with the question. */
export interface PhraseWord {
  /** As written; words joined by a hyphen or slash in the text ("D-cell") are one word. */
  text: string;
  lower: string;
  lemma: string;
  /** Universal part-of-speech tag (`NOUN`, `ADJ`, `NUM`, …). */
  pos: string;
  /** True when the question already uses this word, so an answer repeating it shows nothing. */
  inQuestion: boolean;
}

/** A noun phrase, verb or adverb that carries content, with whether the text negates it. */
export interface KeyPhrase {
  words: PhraseWord[];
  kind: 'noun' | 'verb' | 'adverb';
  /** The negation cue before the phrase ("not", "no", "never", …), when the text says it is absent. */
  negation?: string;
  /** Words between that cue and the phrase. */
  negationGap?: number;
  /** The phrase as written. */
  text: string;
  /** The sentence it came from, as written. */
  sentence: string;
}

/** Words too common to identify a concept on their own (besides the pattern stop words). */
const WEAK = new Set(
  (
    'be is are was were am been being have has had having do does did done will would can could should may ' +
    'might must shall it its they them their this that these those there here what which who whom whose when ' +
    'where why how i you he she we me us him her my your our his also very just only even really still always ' +
    'often then so too now maybe probably perhaps actually thing things something anything everything nothing ' +
    'way ways lot lots kind kinds sort type part other another each every many much some any all both few ' +
    'several such own one ones make makes made making get gets got getting go goes went going gone take takes ' +
    'took taken put puts use uses used using show shows showed shown mean means meant know knows knew think ' +
    'thinks thought tell tells told say says said see sees saw seen happen happens happened need needs let ' +
    'lets keep keeps kept give gives gave given come comes came seem seems seemed become becomes became try ' +
    'tries tried able etc yes ok okay because if therefore thus instead'
  ).split(' '),
);
/** Fixed expressions that link or qualify rather than name anything ("in order to", "at least", "due to"): their words start no phrase. */
const FUNCTION_EXPRESSIONS: readonly (readonly string[])[] = [
  'in order to',
  'due to',
  'at least',
  'at most',
  'as well as',
  'such as',
  'rather than',
  'instead of',
  'because of',
  'each other',
  'one another',
  'at a time',
  'at once',
  'in place',
  'as much as',
  'as many as',
  'so that',
  'in addition',
  'for example',
  'for instance',
  'in fact',
  'at all',
  'other than',
  'even though',
  'as long as',
  'as soon as',
].map((expression) => expression.split(' '));
/** Words that can follow a verb as its particle ("burn out", "dry up"). */
const PARTICLES = new Set(['out', 'off', 'up', 'down', 'away', 'apart', 'back', 'over']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);
const JOINERS = new Set(['-', '/', '‐', '‑']);
const NEGATION_WORD: Record<string, string> = { "n't": 'not', 'n’t': 'not', cannot: 'not' };

/**
 * The sentences of a question that ask: those ending in a question mark, and the last one ("Explain your answer.").
 * The others set a scene ("After a while, small bubbles appeared."), and an answer citing them shows something.
 */
function askingSentences(tokens: readonly Token[]): Set<number> {
  const asking = new Set<number>();
  let last: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'space') continue;
    if (last && t.sentence !== last.sentence && last.text === '?') asking.add(last.sentence);
    last = t;
  }
  if (last) asking.add(last.sentence);
  return asking;
}

/**
 * Lower-case forms, lemmas and stems of the words of the question's asking sentences, to tell new content from
 * restated question.
 */
export function questionForms(question: string | undefined): ReadonlySet<string> {
  const forms = new Set<string>();
  if (!question) return forms;
  const { tokens } = analyze(question);
  const asking = askingSentences(tokens);
  for (const t of tokens) {
    if ((t.kind !== 'word' && t.kind !== 'number') || !asking.has(t.sentence)) continue;
    forms.add(t.lower);
    forms.add(t.lemma);
    forms.add(t.stem);
  }
  return forms;
}

/** A comparative or superlative ("harder", "steepest") says more than its base word in the question ("how hard"). */
function isGraded(t: Token): boolean {
  return t.lower !== t.lemma && /(?:er|est)$/.test(t.lower) && (t.pos === 'ADJ' || t.pos === 'ADV');
}

function inQuestion(t: Token, question: ReadonlySet<string>): boolean {
  if (question.has(t.lower)) return true;
  return !isGraded(t) && (question.has(t.lemma) || question.has(t.stem));
}

const isWord = (t: Token | undefined): boolean =>
  t !== undefined && (t.kind === 'word' || t.kind === 'number');
const isWeak = (t: Token): boolean => WEAK.has(t.lower) || WEAK.has(t.lemma) || STOP_WORDS.has(t.lower);

/** Parts of speech of the words `sharedWords` names. */
const CONTENT_TAGS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

/**
 * The content words of `text` (and capital letters that name something, "A") that the question's asking sentences
 * already use (`questionForms`), as first written, each lemma once, in order: the words a draft leaves out of its patterns.
 * @example sharedWords('Voltage is the difference in electrical states', questionForms('What is voltage?')) // ['Voltage']
 */
export function sharedWords(text: string, question: ReadonlySet<string>): string[] {
  const shared = new Map<string, string>();
  for (const t of analyze(text).tokens) {
    const named = /^[A-Z]$/.test(t.text) && t.text !== 'I';
    const content = named || (CONTENT_TAGS.has(t.pos) && !isWeak(t));
    if (isWord(t) && content && inQuestion(t, question) && !shared.has(t.lemma)) shared.set(t.lemma, t.text);
  }
  return [...shared.values()];
}
const NOUNS = new Set(['NOUN', 'PROPN']);

/**
 * A capital letter that names something ("bulb A", "A and C"): "A" and "I" only after a noun or before a word
 * that cannot follow an article ("A and C are"), since "A reaction" and "I think" are not names.
 */
function isLetter(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!/^\p{Lu}$/u.test(t.text)) return false;
  if (t.text !== 'A' && t.text !== 'I') return true;
  const prev = tokens[i - 1];
  if (prev !== undefined && NOUNS.has(prev.pos) && prev.sentence === t.sentence) return true;
  const next = tokens[i + 1];
  return (
    t.text === 'A' &&
    (next === undefined || !(NOUNISH.has(next.pos) || next.pos === 'ADV' || next.pos === 'VERB'))
  );
}

/** What the word at `i` contributes to a phrase: a noun-phrase word, a verb, a content adverb, or nothing. */
function roleOf(tokens: readonly Token[], i: number): 'noun' | 'verb' | 'adverb' | null {
  const t = tokens[i] as Token;
  if (isLetter(tokens, i) || t.kind === 'number') return 'noun';
  if (isWeak(t)) return null;
  if (NOUNISH.has(t.pos)) return 'noun';
  if (t.pos === 'VERB') return 'verb';
  if (t.pos === 'ADV') return 'adverb';
  return null;
}

/** Indices of the tokens inside a `FUNCTION_EXPRESSIONS` expression. */
function functionExpressionTokens(tokens: readonly Token[]): Set<number> {
  const inside = new Set<number>();
  tokens.forEach((_, i) => {
    for (const expression of FUNCTION_EXPRESSIONS) {
      if (expression.every((word, j) => tokens[i + j]?.lower === word))
        for (let j = 0; j < expression.length; j++) inside.add(i + j);
    }
  });
  return inside;
}

/**
 * The key phrases of a text, in order and without repeats: noun phrases (adjectives, numbers and nouns
 * together, "closed paths", "less dense"), content verbs with their particle ("burns out") and content
 * adverbs ("downhill"), each with the negation cue that governs it ("no gap", "not connected") and which of
 * its words the question already uses.
 * @example keyPhrases('There is no gap between them.').map((p) => [p.negation, p.text]) // [['no', 'gap']]
 */
export function keyPhrases(text: string, question: ReadonlySet<string> = new Set()): KeyPhrase[] {
  const tokens = analyze(text).tokens.filter((t) => t.kind !== 'space');
  const sentences = new Map<number, { start: number; end: number }>();
  for (const t of tokens) {
    const span = sentences.get(t.sentence);
    if (span) span.end = t.end;
    else sentences.set(t.sentence, { start: t.start, end: t.end });
  }
  const sentenceOf = (t: Token): string => {
    const span = sentences.get(t.sentence) as { start: number; end: number };
    return text.slice(span.start, span.end);
  };
  const phrases: KeyPhrase[] = [];
  const seen = new Set<string>();
  // Token indices of the current phrase, one group per phrase word ("D", "-", "cell" make one word).
  let current: number[][] = [];
  let kind: KeyPhrase['kind'] = 'noun';
  let cue: string | undefined;
  let cueAt = 0;
  const consumed = new Set<number>();
  const inExpression = functionExpressionTokens(tokens);
  const at = (i: number) => tokens[i] as Token;

  const flush = () => {
    if (current.length === 0) return;
    const words = current.map((group): PhraseWord => {
      const first = at(group[0] as number);
      const last = at(group.at(-1) as number);
      if (group.length === 1) {
        const { lower, lemma, pos } = first;
        return { text: first.text, lower, lemma, pos, inQuestion: inQuestion(first, question) };
      }
      const joined = text.slice(first.start, last.end);
      const lower = joined.toLowerCase();
      return { text: joined, lower, lemma: lower, pos: last.pos, inQuestion: false };
    });
    const first = at(current[0]?.[0] as number);
    const lastIndex = current.at(-1)?.at(-1) as number;
    const key = `${cue ? 'not ' : ''}${words.map((w) => (w.text.length === 1 ? w.text : w.lemma)).join(' ')}`;
    if (!seen.has(key)) {
      seen.add(key);
      phrases.push({
        words,
        kind,
        ...(cue
          ? {
              negation: cue,
              negationGap: tokens
                .slice(cueAt + 1, current[0]?.[0])
                .filter((w) => isWord(w) || w.kind === 'symbol').length,
            }
          : {}),
        text: text.slice(first.start, at(lastIndex).end),
        sentence: sentenceOf(first),
      });
    }
    cue = undefined;
    current = [];
  };
  const push = (i: number) => current.push([i]);

  tokens.forEach((t, i) => {
    if (consumed.has(i)) return;
    // A phrase and a negation end with their sentence (or line): patterns never match across one.
    if (i > 0 && t.sentence !== at(i - 1).sentence) {
      flush();
      cue = undefined;
    }
    const next = tokens[i + 1];
    const nextWord = isWord(next) ? next : undefined;
    if (!isWord(t)) {
      // "D-cell", "on/off": a joiner with no space on either side glues two words into one.
      const prev = tokens[i - 1];
      if (JOINERS.has(t.text) && current.length > 0 && prev?.end === t.start && nextWord?.start === t.end) {
        (current.at(-1) as number[]).push(i, i + 1);
        consumed.add(i + 1);
        return;
      }
      flush();
      if (t.kind === 'punctuation' && !JOINERS.has(t.text)) cue = undefined;
      return;
    }
    if (NEGATION_CUES.has(t.lower)) {
      flush();
      cue = NEGATION_WORD[t.lower] ?? t.lower;
      cueAt = i;
      // "no longer in a closed path" negates the path, not "longer".
      if (next?.lower === 'longer') consumed.add(i + 1);
      return;
    }
    if (CLAUSE_BREAKS.has(t.lower)) {
      flush();
      cue = undefined;
      return;
    }
    const role = inExpression.has(i) ? null : roleOf(tokens, i);
    if (role === 'noun') {
      // An adjective after a noun starts a new phrase ("users first", "the water clear").
      const prev = current.at(-1)?.at(-1);
      if (prev !== undefined && NOUNS.has(at(prev).pos) && t.pos === 'ADJ') flush();
      kind = 'noun';
      push(i);
    } else if (role === 'verb') {
      // A participle before a noun modifies it ("the same closed path", "running water").
      if (
        /(?:ed|ing|en)$/.test(t.lower) &&
        nextWord &&
        roleOf(tokens, i + 1) === 'noun' &&
        !isLetter(tokens, i + 1)
      ) {
        if (kind !== 'noun') flush();
        kind = 'noun';
        push(i);
        return;
      }
      flush();
      kind = 'verb';
      push(i);
      if (nextWord && PARTICLES.has(nextWord.lower) && nextWord.sentence === t.sentence) {
        (current.at(-1) as number[]).push(i + 1);
        consumed.add(i + 1);
      }
      flush();
    } else if (role === 'adverb') {
      if (kind !== 'adverb') flush();
      kind = 'adverb';
      push(i);
      // A degree adverb before an adjective joins its noun phrase ("less dense", "very hot").
      if (!(nextWord && (nextWord.pos === 'ADJ' || nextWord.pos === 'ADV'))) flush();
    } else {
      flush();
    }
  });
  flush();
  return phrases;
}
