import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemToken, type ItsFunction, type WinkMethods } from 'wink-nlp';
import type { AnalyzedText, Token, TokenKind, WordForms } from './types.js';

/** Name and version of the language model, recorded in every report. */
export const MODEL = 'wink-eng-lite-web-model@1.8.1';

let nlp: WinkMethods | undefined;

/** The one wink-nlp instance, created on first use (loading the model takes ~100 ms). */
function instance(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return nlp;
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

const ABBREVIATION = /^[\p{L}\p{N}]+\.$/u;

/**
 * Lemma for a token: wink's lemma unless it changes the first two letters — wink maps `cd` → `could` and
 * `better` → `good`, which must not make those words interchangeable. Depends on the folded form only, so
 * letter case never changes a lemma.
 */
function lemmaOf(lower: string, winkLemma: string | undefined): string {
  const lemma = winkLemma?.toLowerCase() ?? lower;
  return lemma.slice(0, 2) === lower.slice(0, 2) ? lemma : lower;
}

/**
 * Analyse a text once: tokens with exact character offsets, lemma, stem, sentence and negation scope.
 * @example analyze('We never used canary releases.').tokens[3].negated // true
 */
export function analyze(text: string): AnalyzedText {
  const { its, readDoc } = instance();
  // wink types lemma/stem loosely under `strict`; both return strings at run time.
  const lemmaOut = its.lemma as unknown as ItsFunction<string>;
  const stemOut = its.stem as unknown as ItsFunction<string>;
  // wink's tagger reads capitals as proper nouns; analysing a case-folded copy keeps lemmas, negation and
  // sentences independent of letter case. Folding preserves length, so offsets hold for the original.
  // Tabs and other spaces become plain spaces for the same reason (wink tags words after a tab differently).
  const folded = text
    .replace(/\p{Lu}/gu, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch))
    .replace(/[\t\v\f\r\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  const doc = readDoc(folded);
  const tokens: Token[] = [];
  let offset = 0;
  let sentence = -1;
  let winkSentence = -1;
  let pendingBreak = true;
  doc.tokens().each((t: ItemToken) => {
    const start = offset + t.out(its.precedingSpaces).length;
    const end = start + t.out().length;
    const surface = text.slice(start, end);
    offset = end;
    const lower = surface.toLowerCase();
    const index = t.parentSentence().index();
    const kind = KINDS[t.out(its.type)] ?? 'other';
    // A new wink sentence or a line break starts a sentence at the next non-space token.
    pendingBreak ||= index !== winkSentence || surface.includes('\n');
    winkSentence = index;
    if (pendingBreak && kind !== 'space') {
      sentence++;
      pendingBreak = false;
    }
    const token: Token = {
      text: surface,
      start,
      end,
      kind,
      lower,
      lemma: lemmaOf(lower, t.out(lemmaOut)),
      stem: (t.out(stemOut) ?? lower).toLowerCase(),
      pos: t.out(its.pos),
      sentence: Math.max(sentence, 0),
      negated: t.out(its.negationFlag) as boolean,
    };
    // wink keeps a final full stop on abbreviation-like words ("DR.", "prod."): split it off so the word matches.
    if (kind === 'word' && ABBREVIATION.test(surface)) {
      const word = surface.slice(0, -1);
      const wordLower = word.toLowerCase();
      tokens.push({
        ...token,
        text: word,
        end: end - 1,
        lower: wordLower,
        lemma: wordLower,
        stem: wordLower,
      });
      tokens.push({
        ...token,
        text: '.',
        start: end - 1,
        kind: 'punctuation',
        lower: '.',
        lemma: '.',
        stem: '.',
        pos: 'PUNCT',
      });
    } else {
      tokens.push(token);
    }
  });
  return { text, tokens };
}

const formsCache = new Map<string, WordForms[]>();

/**
 * Normalized forms of the word tokens of a short text (a pattern word), analysed in isolation and cached.
 * Hyphens and slashes split words: `blue-green` gives two entries.
 */
export function wordForms(word: string): WordForms[] {
  let forms = formsCache.get(word);
  if (!forms) {
    forms = analyze(word.toLowerCase())
      .tokens.filter((t) => t.kind === 'word' || t.kind === 'number')
      .map(({ lower, lemma, stem }) => ({ lower, lemma, stem }));
    if (formsCache.size > 50_000) formsCache.clear();
    formsCache.set(word, forms);
  }
  return forms;
}
