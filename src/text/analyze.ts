import winkNLP, { type ItemToken, type ItsFunction, type Tokens, type WinkMethods } from 'wink-nlp';
// wink's list of the functions `out()` accepts: `rawDocument` adds one for a moment to reach a document's data.
// @ts-expect-error wink-nlp ships no types for its internal modules.
import allowed from 'wink-nlp/src/allowed.js';
// @ts-expect-error wink-nlp ships no types for its internal modules.
import constants from 'wink-nlp/src/constants.js';
import { foldCapitals } from './foldCapitals.js';
import { joinsWords } from './joinsWords.js';
import { negateListItems } from './negateListItems.js';
import { plainApostrophes } from './plainApostrophes.js';
import { renewableModel } from './renewableModel.js';
import type { AnalyzedText, Token, TokenKind, WordForms } from './types.js';

/** Name and version of the language model, recorded in every report. */
export const MODEL = 'wink-eng-lite-web-model@1.8.1';

/** The wink-nlp annotations analysis asks for: sentence boundaries, negation scope and part of speech. */
export const PIPE: readonly string[] = Object.freeze(['sbd', 'negation', 'pos']);

/** The wink-nlp instance and its word cache (which counts the words it has learned), made on first use. */
let wink: { nlp: WinkMethods; words: WinkCache } | undefined;

/**
 * New words (misspellings, names, numbers) wink may add to its vocabulary before `analyze` replaces the instance
 * with a fresh one: wink never forgets a word (≈ 100 bytes of heap each), so memory would grow with every new
 * word of a long batch. A new instance costs ≈ 100 ms; reports are the same either way (see `forgetLearnedWords`).
 */
export const LEARNED_WORDS_LIMIT = 20_000;

/** The parts of wink's word cache analysis uses. */
interface WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
  currentSize(): number;
  /** The name of a feature's value: `valueOf('pos', 7)` is a part-of-speech tag. */
  valueOf(feature: string, index: number): string;
}

/**
 * wink's data for one document, as its own `its` functions read it (wink-nlp 2.4.0, pinned): four numbers per
 * token — the word's id, the contraction's expansion (above `CONTRACTION`), the part of speech (bits under
 * `posMask`) and the negation flag — and each sentence's first and last token.
 */
interface RawDocument {
  tokens: readonly number[];
  numOfTokens: number;
  sentences: readonly (readonly [number, number, ...number[]])[];
  cache: WinkCache;
}

/** A token's second number is above this for a contraction's part ("ca" of "can't"), as wink's `its.lemma` tests. */
const CONTRACTION = 65535;

const {
  tkSize: TOKEN_SIZE,
  posMask: POS_MASK,
  bits4lemma: POS_SHIFT,
  negationFlag: NEGATED,
} = constants as {
  tkSize: number;
  posMask: number;
  bits4lemma: number;
  negationFlag: number;
};

/**
 * A document's raw data, reached through a function that wink calls with it: reading it directly costs a fraction
 * of `out()`, which builds an array per annotation. Undefined for a document without tokens.
 */
function rawDocument(tokens: Tokens): RawDocument | undefined {
  const tokenFunctions = (allowed as { its4token: Set<unknown> }).its4token;
  if (tokens.length() === 0) return undefined;
  let raw: RawDocument | undefined;
  const reach = (_index: number, rdd: RawDocument) => {
    raw = rdd;
  };
  tokenFunctions.add(reach);
  try {
    tokens.itemAt(0).out(reach as unknown as ItsFunction<unknown>);
  } finally {
    tokenFunctions.delete(reach);
  }
  return raw;
}

/**
 * Make wink tokenize every text as it would in a fresh process. wink adds each new word it meets to its cache,
 * and its tokenizer keeps a chunk in one piece when the cache knows it: once "Andre's." has been read,
 * "Andre's hand" gives the token "Andre's" instead of "Andre" + "'s", so a report would depend on the answers
 * graded before it. The tokenizer's look-ups now see only the model's own words; new words are still added (and
 * reused by index), and the model's feature functions, which look a word up while it is added, still find it.
 */
function forgetLearnedWords(instance: WinkMethods): WinkCache {
  const cache = rawDocument(instance.readDoc('a').tokens())?.cache;
  if (!cache) throw new Error("rubricate: cannot reach wink-nlp's word cache; is wink-nlp 2.x installed?");
  const known = cache.intrinsicSize();
  const { add, lookup } = cache;
  let adding = 0;
  cache.add = (text, category) => {
    adding++;
    try {
      return add(text, category);
    } finally {
      adding--;
    }
  };
  cache.lookup = (text) => {
    const found = lookup(text);
    const learned = found !== null && found.length === 1 && (found[0] as number) >= known;
    return learned && adding === 0 ? null : found;
  };
  return cache;
}

/** The one wink-nlp instance, created on first use (loading the model takes ~100 ms). */
function instance(): WinkMethods {
  if (!wink) {
    const nlp = winkNLP(renewableModel(), [...PIPE]);
    wink = { nlp, words: forgetLearnedWords(nlp) };
  }
  return wink.nlp;
}

/** How many words the current wink instance has learned beyond its model's own. */
export function learnedWords(): number {
  return wink ? wink.words.currentSize() - wink.words.intrinsicSize() : 0;
}

/** The instance for a new text: a fresh one (and no kept words, whose ids were its) once it has learned too many. */
function freshInstance(): WinkMethods {
  if (learnedWords() > LEARNED_WORDS_LIMIT) {
    wink = undefined;
    forgetKeptWords();
  }
  return instance();
}

const KINDS: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  punctuation: 'punctuation',
  symbol: 'symbol',
  tabCRLF: 'space',
  emoji: 'symbol',
  emoticon: 'symbol',
  email: 'word',
  url: 'word',
  hashtag: 'word',
  mention: 'word',
  currency: 'symbol',
  ordinal: 'number',
  time: 'number',
};

/**
 * Capital letters only. Regular expressions with `\p{…}` are module constants: the build (esbuild, target node20)
 * turns such a literal into `new RegExp(…)`, which inside a function would be built again at every call.
 */
const ALL_CAPITALS = /^\p{Lu}+$/u;
/** A capital letter first. */
const CAPITAL_FIRST = /^\p{Lu}/u;

/** Letters and digits only. */
const LETTERS_AND_DIGITS = /^[\p{L}\p{N}]+$/u;
const ABBREVIATION = /^[\p{L}\p{N}]+\.$/u;
/** A word with a possessive 's (apostrophes read as `'`), as wink leaves it whole before punctuation. */
const POSSESSIVE = /^\p{L}+'s$/u;

/** Abbreviations a capitalised name follows ("Dr. Smith", "St. Louis"): after any other "word." a capital starts a sentence. */
const TITLES = new Set(
  'dr mr mrs ms prof sr jr st mt vs etc inc ltd co corp dept approx fig no vol cf ca gen gov sen rep rev lt col capt sgt jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/**
 * Longest run of characters without a space or line break that wink-nlp reads in one piece. Its tokenizer
 * (and Porter stemmer) take time quadratic in a run's length, so longer runs are cut every MAX_RUN characters.
 */
export const MAX_RUN = 100;

/** Cut runs longer than MAX_RUN: the MAX_RUN-th character of each piece that has more after it becomes a space. */
function cutLongRuns(text: string): string {
  // A loop over character codes: a regular expression for this retries at every character of every word.
  let out = '';
  let from = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10) run = 0;
    else if (++run > MAX_RUN) {
      out += `${text.slice(from, i - 1)} `;
      from = i;
      run = 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Lemma for a token: wink's lemma (lower-cased) unless it changes the first two letters — wink maps `cd` →
 * `could` and `better` → `good`, which must not make those words interchangeable. Depends on the folded form
 * only, so letter case never changes a lemma.
 */
function lemmaOf(lower: string, lemma: string): string {
  return lemma.slice(0, 2) === lower.slice(0, 2) ? lemma : lower;
}

/** A word's lemma and stem for one part of speech: wink's lemma, and the lemma as analysis uses it for `lower`. */
interface Forms {
  winkLemma: string;
  lemma: string;
  stem: string;
}

/** What analysis reads of a word of wink's vocabulary: its text as wink read it, lower-cased, kind, lemma and stem. */
interface Word extends Forms {
  value: string;
  lower: string;
  kind: TokenKind;
}

/** A word as kept: forms for the part of speech it was first seen with (most words have one), others in `more`. */
interface KeptWord extends Word {
  pos: string | undefined;
  more: Map<string, KeptWord> | undefined;
}

/** Words by wink's id for them (stable for the process): the Porter stemmer and the lemmatizer run once per word. */
const kept: (KeptWord | undefined)[] = [];
let keptCount = 0;

/** Drop every kept word (past 100,000 of them, or with the instance whose ids they are), keeping the array dense. */
function forgetKeptWords(): void {
  kept.fill(undefined);
  keptCount = 0;
}

/** wink's lemma and stem of a token, lower-cased, and the lemma for `lower`. */
function formsOf(item: ItemToken, value: string, lower: string): Forms {
  const { its } = instance();
  // wink types lemma/stem loosely under `strict`; both return strings at run time.
  const winkLemma = (item.out(its.lemma as unknown as ItsFunction<string>) ?? value).toLowerCase();
  return {
    winkLemma,
    lemma: lemmaOf(lower, winkLemma),
    stem: (item.out(its.stem as unknown as ItsFunction<string>) ?? value).toLowerCase(),
  };
}

/**
 * Token `i` of `all`, whose word has wink's id `id`: its text and kind, and its lemma and stem for part of speech
 * `pos` (on which both depend, except for contractions — "'s" is "is" or "has" — whose forms are never kept).
 */
function wordAt(all: Tokens, i: number, id: number, pos: string, contraction: boolean): Word {
  // Filled up to the id, not assigned past the end: V8 keeps a sparse array as a slow dictionary.
  while (kept.length <= id) kept.push(undefined);
  let word = kept[id];
  if (!word) {
    if (keptCount >= 100_000) forgetKeptWords();
    const item = all.itemAt(i);
    const value = item.out();
    const kind = KINDS[item.out(instance().its.type) as string] ?? 'other';
    // Every record has every field from the start: one object shape for all of them.
    word = {
      value,
      lower: value.toLowerCase(),
      kind,
      winkLemma: value,
      lemma: value,
      stem: value,
      pos: undefined,
      more: undefined,
    };
    kept[id] = word;
    keptCount++;
  }
  if (word.pos === pos && !contraction) return word;
  const { value, lower, kind } = word;
  if (contraction) return { value, lower, kind, ...formsOf(all.itemAt(i), value, lower) };
  if (word.pos === undefined) {
    const forms = formsOf(all.itemAt(i), value, lower);
    word.pos = pos;
    word.winkLemma = forms.winkLemma;
    word.lemma = forms.lemma;
    word.stem = forms.stem;
    return word;
  }
  let other = word.more?.get(pos);
  if (!other) {
    const { winkLemma, lemma, stem } = formsOf(all.itemAt(i), value, lower);
    other = { value, lower, kind, winkLemma, lemma, stem, pos, more: undefined };
    word.more ??= new Map();
    word.more.set(pos, other);
  }
  return other;
}

/** Any character outside ASCII (a surrogate code unit included). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The text wink reads, its length unchanged so that offsets hold for the original: letter case folded (wink's tagger
 * reads capitals as proper nouns, so lemmas, negation and sentences would depend on case), tabs and other spaces made
 * plain spaces (wink tags words after a tab differently), Unicode line separators and lone carriage returns line breaks, and typographic
 * apostrophes plain ones. An ASCII text (most answers) is folded by `toLowerCase`; otherwise each capital whose lower
 * case has the same length is folded (`foldCapitals`).
 */
function fold(text: string): string {
  // A lone carriage return (old Mac line endings) is a line break; one before a line feed is a space.
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/\r(?!\n)/g, '\n')
      .replace(/[\t\v\f\r]/g, ' ');
  return plainApostrophes(
    foldCapitals(text)
      .replace(/\r(?!\n)/g, '\n')
      .replace(/[\t\v\f\r\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/g, ' ')
      .replace(/[\u0085\u2028\u2029]/g, '\n'),
  );
}

/**
 * Analyse a text once: tokens with exact character offsets, lemma, stem, sentence and negation scope.
 * @example analyze('We never used canary releases.').tokens[3].negated // true
 */
export function analyze(text: string): AnalyzedText {
  const { readDoc } = freshInstance();
  // Analyse a folded copy; a run longer than MAX_RUN loses its last character to a space.
  const folded = cutLongRuns(fold(text));
  const all = readDoc(folded).tokens();
  const raw = rawDocument(all);
  if (!raw) return { text, tokens: [] };
  // wink's own arrays, read in place: no array per annotation from `out()`, no per-token item objects.
  const { tokens: data, sentences: spans, cache } = raw;
  const tokens: Token[] = [];
  let offset = 0;
  let sentence = -1;
  let span = 0;
  let pendingBreak = true;
  // wink reads "mass." in "the greater mass. Equal volumes…" as an abbreviation (of the folded text) and runs on.
  let afterAbbreviation = false;
  for (let i = 0; i < raw.numOfTokens; i++) {
    const at = i * TOKEN_SIZE;
    const pos = cache.valueOf('pos', ((data[at + 2] as number) & POS_MASK) >>> POS_SHIFT);
    const word = wordAt(all, i, data[at] as number, pos, (data[at + 1] as number) > CONTRACTION);
    const { value, kind, stem } = word;
    // Spaces are the only characters between tokens (analysis made every other space one); where wink skips some
    // invisible characters, find the token.
    let start = offset;
    while (folded.charCodeAt(start) === 32) start++;
    if (!folded.startsWith(value, start)) {
      const found = folded.indexOf(value, offset);
      if (found >= 0) start = found;
    }
    const end = start + value.length;
    // Most tokens are written as wink read them: the word's own string (hashed once, for the lexicon's maps) serves.
    const surface = text.startsWith(value, start) ? value : text.slice(start, end);
    offset = end;
    const lower = surface === value ? word.lower : plainApostrophes(surface.toLowerCase());
    // A new wink sentence or a line break starts a sentence at the next non-space token.
    while (span < spans.length && i > (spans[span] as readonly [number, number])[1]) span++;
    pendingBreak ||=
      i === spans[span]?.[0] || value.includes('\n') || (afterAbbreviation && CAPITAL_FIRST.test(surface));
    if (kind !== 'space') afterAbbreviation = false;
    if (pendingBreak && kind !== 'space') {
      // wink ends a sentence at the full stop of "Node.js" or "ASP.NET": the word after it stays in the sentence.
      if (!joinsWords(tokens.at(-2), tokens.at(-1), { text: surface, lower, kind, start, end })) sentence++;
      pendingBreak = false;
    }
    const token: Token = {
      text: surface,
      start,
      end,
      kind,
      lower,
      lemma: lower === word.lower ? word.lemma : lemmaOf(lower, word.winkLemma),
      stem,
      pos,
      sentence: Math.max(sentence, 0),
      negated: (data[at + 3] as number) >= NEGATED,
    };
    // wink keeps a final full stop on abbreviation-like words ("DR.", "prod."): split it off so the word matches.
    if (kind === 'word' && surface.endsWith('.') && ABBREVIATION.test(surface)) {
      afterAbbreviation = lower.length > 2 && !TITLES.has(lower.slice(0, -1));
      pushSplit(tokens, token, 1, { kind: 'punctuation', pos: 'PUNCT' });
    } else if (kind === 'word' && lower.endsWith("'s") && POSSESSIVE.test(lower)) {
      // wink keeps a possessive whole before punctuation ("Bob's.", "the bulb's,") though it splits it elsewhere
      // ("the bulb's light"): split it off the same way, so the word matches wherever the possessive stands.
      pushSplit(tokens, token, 2, { kind: 'word', pos: 'PART' });
    } else {
      tokens.push(token);
    }
  }
  const joined = joinCapitals(tokens);
  negateListItems(joined);
  return { text, tokens: joined };
}

/**
 * Push a token as two: the word before its last `tail` characters (its lower case as lemma and stem), then those
 * characters as a token of their own (`kind`, `pos`), such as the "." of "DR." or the "'s" of "Bob's".
 */
function pushSplit(
  tokens: Token[],
  token: Token,
  tail: number,
  { kind, pos }: Pick<Token, 'kind' | 'pos'>,
): void {
  const cut = token.end - tail;
  const head = token.lower.slice(0, -tail);
  const rest = token.lower.slice(-tail);
  tokens.push({ ...token, text: token.text.slice(0, -tail), end: cut, lower: head, lemma: head, stem: head });
  tokens.push({
    ...token,
    text: token.text.slice(-tail),
    start: cut,
    kind,
    lower: rest,
    lemma: rest,
    stem: rest,
    pos,
  });
}

/** Parts wink splits off a word that make it a negation ("CANNOT" → "CAN" + "NOT", "DONT" → "DO" + "NT"). */
const NEGATING_PARTS = new Set(['not', 'nt', "n't"]);

/**
 * Whether a written run of letters and digits that wink reads as `parts` ("iam" → "i", "am") is one word: it has
 * several parts and none makes it a negation ("cannot", "dont" stay two, so that their cue is read).
 */
export function readsAsOne(word: string, parts: readonly Pick<WordForms, 'lower'>[]): boolean {
  return parts.length > 1 && LETTERS_AND_DIGITS.test(word) && !parts.some((p) => NEGATING_PARTS.has(p.lower));
}

/** A token written in capital letters only ("IAM", "AM"). */
const isCapitals = (t: Token): boolean =>
  t.kind === 'word' && t.text !== t.lower && ALL_CAPITALS.test(t.text);

/**
 * wink reads some words written in capitals as two ("IAM" → "I" + "AM", as it reads "iam"): join such touching parts
 * into one token again, as `wordForms` does for a pattern word, unless a part is a negation ("CANNOT", "DONT").
 */
function joinCapitals(tokens: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    let last = i;
    if (isCapitals(first))
      while (
        last + 1 < tokens.length &&
        isCapitals(tokens[last + 1] as Token) &&
        (tokens[last + 1] as Token).start === (tokens[last] as Token).end
      )
        last++;
    const parts = last === i ? undefined : tokens.slice(i, last + 1);
    const word = parts?.map((t) => t.text).join('') ?? '';
    if (!parts || !readsAsOne(word, parts)) {
      out?.push(first);
      continue;
    }
    const end = (tokens[last] as Token).end;
    const lower = word.toLowerCase();
    out ??= tokens.slice(0, i);
    out.push({ ...first, text: word, end, lower, lemma: lower, stem: lower, pos: 'PROPN' });
    i = last;
  }
  return out ?? tokens;
}

/** The value kept in `cache` under `key`, made by `make` the first time; a cache past 50,000 entries starts again. */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size > 50_000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const surfacesCache = new Map<string, string[]>();

/**
 * The words and symbols of a short text (an exact pattern word) as written, apostrophes plain, split as an answer's
 * are: `Node.js` → `Node`, `js`; `can't` → `ca`, `n't`; `C#` → `C`, `#`; `e-mail` stays one. Cached.
 */
export function wordSurfaces(text: string): string[] {
  return cached(surfacesCache, text, () =>
    analyze(text)
      .tokens.filter((t) => t.kind === 'word' || t.kind === 'number' || t.kind === 'symbol')
      .map((t) => plainApostrophes(t.text)),
  );
}

const formsCache = new Map<string, WordForms[]>();

/**
 * Normalized forms of the word tokens of a short text (a pattern word), analysed in isolation and cached.
 * Hyphens and slashes split words: `blue-green` gives two entries.
 */
export function wordForms(word: string): WordForms[] {
  return cached(formsCache, word, () => {
    const lower = word.toLowerCase();
    const tokens = analyze(lower).tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
    // A word written in capitals that wink reads as two ("IAM" → "i am") is one pattern word, as `analyze` joins it in
    // answers; not a negation ("CANNOT", "DONT"). A lower-case one ("iam") stays two, and compiles with its joined
    // spelling as an alternative (`compilePattern`).
    return ALL_CAPITALS.test(word) && readsAsOne(word, tokens)
      ? [{ lower, lemma: lower, stem: lower }]
      : tokens.map((t) => ({ lower: t.lower, lemma: t.lemma, stem: t.stem }));
  });
}
