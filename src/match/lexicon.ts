import type { Via } from '../report/types.js';
import { plainApostrophes } from '../text/plainApostrophes.js';
import type { WordForms } from '../text/types.js';
import { editDistance } from './editDistance.js';
import { phoneticCodes } from './phonetic.js';
import { NOT_ACRONYMS, STOP_WORDS } from './words.js';

/** Ways of recognising a word, strongest first; an index into this array is a via rank. */
export const VIAS: readonly Via[] = ['exact', 'lemma', 'stem', 'acronym', 'fuzzy'];

/** How a lexicon word is compared with answer tokens. */
export type WordMode = 'word' | 'exact' | 'prefix' | 'acronym';

/** One distinct pattern word of a compiled rubric. */
export interface LexiconWord extends WordForms {
  mode: WordMode;
  /**
   * Case-sensitive surface (`exact`), upper-case acronym (`acronym`), lower-case prefix (`prefix`), or for `word` the
   * word as written when it is in capitals (`IAM`), which two answer words never spell; else empty.
   */
  text: string;
  fuzzy: boolean;
}

/** An answer token recognised as a lexicon word. */
export interface Hit {
  id: number;
  via: number;
  similarity: number;
}

/** What the lexicon knows of one answer token: the words it matches, and whether it can join the next. */
export interface TokenEntry extends WordForms {
  hits: Hit[];
  /**
   * The lengths of what can follow the token's lower-case form (lemma) in a word, as bits (`lengthBit`), 0 when it
   * begins none; and whether it ends some word. A pair is looked up only when both can hold.
   */
  startsLower: number;
  startsLemma: number;
  endsLower: boolean;
  endsLemma: boolean;
}

/** A cached entry: the misspelling look-up work it took, and the entries of the same token text with other forms. */
interface CachedEntry extends TokenEntry {
  work: number;
  others: Map<string, CachedEntry> | undefined;
}

/** The forms besides its text that a look-up reads: a token's lemma and stem. */
function formsKey(token: WordForms): string {
  return `${token.lemma}\u0000${token.stem}`;
}

/** The parts of a token the lexicon looks at. */
export interface TokenForms extends WordForms {
  text: string;
}

/** Shortest pattern word that matches misspellings. */
export const FUZZY_MIN_LENGTH = 5;
const ALPHA = /^\p{L}+$/u;
/**
 * Distinct token texts whose look-ups one compiled rubric keeps before it starts again: a batch's new words
 * (misspellings, names) would otherwise fill every rubric's cache (≈ 150 bytes each). Answers to one question rarely
 * use 10,000 distinct words; past that, recomputing a look-up costs a few microseconds.
 */
const CACHE_LIMIT = 10_000;
const NO_HITS: Hit[] = Object.freeze([]) as unknown as Hit[];

/** Edits allowed for a misspelling of a word of this length: 1 for 5–8 letters, 2 for 9 or more. */
export function maxEdits(length: number): number {
  return length >= 9 ? 2 : length >= FUZZY_MIN_LENGTH ? 1 : 0;
}

/** The upper-case acronym a token spells (`MTTR`, `IaC` → `IAC`, `SLAs` → `SLA`, `mttr` and `Mttr` → `MTTR`), or undefined. */
export function acronymOf(text: string): string | undefined {
  const stripped = text.replace(/(?<=[A-Z])(?:'s|’s|s)$/, '');
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(stripped) || stripped.length > 8) return undefined;
  const capitals = stripped.replace(/[^A-Z]/g, '').length;
  // All lower case, or capitalised as at the start of a sentence: letter case is not what makes it one.
  const rest = stripped.slice(1);
  if (capitals >= 2 || rest === rest.toLowerCase()) return stripped.toUpperCase();
  return undefined;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** A lone letter or a common word ("I", "am"), which with another word never spells an acronym. */
const commonHalf = (lower: string): boolean => lower.length === 1 || NOT_ACRONYMS.has(lower);

/** A length as a bit: lengths from 30 up share one. */
const lengthBit = (length: number) => 1 << Math.min(length, 30);

/**
 * Note each way of cutting a word in two non-empty halves: its first halves in `heads`, with the lengths of what
 * follows each as bits, its second halves in `ends`.
 */
function split(heads: Map<string, number>, ends: Set<string>, form: string): void {
  for (let i = 1; i < form.length; i++) {
    const head = form.slice(0, i);
    heads.set(head, (heads.get(head) ?? 0) | lengthBit(form.length - i));
    ends.add(form.slice(i));
  }
}

/** Whether a head whose rests have the lengths in `bits` can be followed by a rest of this length. */
const fits = (bits: number, rest: string) => (bits & lengthBit(rest.length)) !== 0;

/**
 * The distinct words of a compiled rubric, indexed so that an answer token is looked up in O(1) for
 * exact/lemma/stem/acronym matches and against a bigram-filtered shortlist for misspellings.
 * Look-ups are cached per distinct token.
 */
export class Lexicon {
  readonly words: LexiconWord[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byLower = new Map<string, number[]>();
  private readonly byLemma = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();
  private readonly byExact = new Map<string, number[]>();
  private readonly byAcronym = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly prefixLengths = new Set<number>();
  private readonly byBigram = new Map<string, number[]>();
  private readonly byCode = new Map<string, number[]>();
  /** Words by every split of their lower-case form (and lemma) in two: `rollback` under `roll` then `back`. */
  private readonly lowerHeads = new Map<string, number>();
  private readonly lowerEnds = new Set<string>();
  private readonly lemmaHeads = new Map<string, number>();
  private readonly lemmaEnds = new Set<string>();
  /** Look-ups by token text, each with those for the same text under other lemmas (no key string is built per token). */
  private readonly cache = new Map<string, CachedEntry>();

  /** Add a word (deduplicated) and return its id. */
  add(word: LexiconWord): number {
    const key = `${word.mode}\u0000${word.text}\u0000${word.lower}\u0000${word.fuzzy}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(key, id);
    this.cache.clear();
    switch (word.mode) {
      case 'exact':
        push(this.byExact, word.text, id);
        break;
      case 'acronym':
        push(this.byAcronym, word.text, id);
        break;
      case 'prefix':
        push(this.byPrefix, word.text, id);
        this.prefixLengths.add(word.text.length);
        break;
      case 'word':
        push(this.byLower, word.lower, id);
        push(this.byLemma, word.lemma, id);
        push(this.byStem, word.stem, id);
        split(this.lowerHeads, this.lowerEnds, word.lower);
        // Most lemmas equal the lower-case form: the sets of the lower-case forms answer for them.
        if (word.lemma !== word.lower) split(this.lemmaHeads, this.lemmaEnds, word.lemma);
        if (word.fuzzy && word.lower.length >= FUZZY_MIN_LENGTH && ALPHA.test(word.lower)) {
          for (const bigram of bigrams(word.lower)) push(this.byBigram, bigram, id);
          for (const code of phoneticCodes(word.lower)) push(this.byCode, code, id);
        }
        break;
    }
    return id;
  }

  /** How many token texts the look-up cache holds now (at most 10,000). */
  get cachedTexts(): number {
    return this.cache.size;
  }

  /** Lexicon words that one answer token matches, with the strongest way each was recognised. */
  lookup(token: TokenForms): Hit[] {
    return this.entry(token).hits;
  }

  /**
   * What the lexicon knows of one answer token (cached per distinct token and forms): for `lookup` and `lookupPair`.
   * Each rubric word a misspelling look-up visits adds one to `work.fuzzy`, so a caller can bound the cost of fuzzy
   * look-ups; a cached entry adds the work its look-up took, so the count never depends on what was graded before.
   */
  entry(token: TokenForms, work?: { fuzzy?: number }): TokenEntry {
    // One look-up for most tokens: a text nearly always comes with the same lemma and stem. The same text can come
    // with other forms ("container" is stemmed "contain", but the "container" of "container's." is kept whole).
    const first = this.cache.get(token.text);
    const entry =
      first !== undefined && first.lemma === token.lemma && first.stem === token.stem
        ? first
        : (first?.others?.get(formsKey(token)) ?? this.lookUp(token, first));
    if (work !== undefined && entry.work > 0) work.fuzzy = (work.fuzzy ?? 0) + entry.work;
    return entry;
  }

  /** Look a token up and cache what it found, beside `first` (the entry of the same text with other forms). */
  private lookUp(token: TokenForms, first: CachedEntry | undefined): CachedEntry {
    const work = { fuzzy: 0 };
    const entry: CachedEntry = {
      hits: this.compute(token, work),
      lower: token.lower,
      lemma: token.lemma,
      stem: token.stem,
      startsLower: this.lowerHeads.get(token.lower) ?? 0,
      startsLemma: (this.lemmaHeads.get(token.lemma) ?? 0) | (this.lowerHeads.get(token.lemma) ?? 0),
      endsLower: this.lowerEnds.has(token.lower),
      endsLemma: this.lemmaEnds.has(token.lemma) || this.lowerEnds.has(token.lemma),
      work: work.fuzzy,
      // Set from the start, so that every entry has one object shape.
      others: undefined,
    };
    if (first) {
      first.others ??= new Map();
      first.others.set(formsKey(token), entry);
    } else {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(token.text, entry);
    }
    return entry;
  }

  /**
   * Lexicon words that two adjacent tokens spell together (`roll back`, `rolled back` → `rollback`). A word written in
   * capitals (`IAM`) is an acronym: tokens apart ("I am") spell it only when neither is a lone letter or a common
   * word ("git ops" is GITOPS); touching ones ("iam", "CI/CD") always do.
   */
  lookupPair(a: TokenEntry, b: TokenEntry, touching = false): Hit[] {
    // The joined string is built only when both halves, at their lengths, can be halves of a word: rarely.
    const lower =
      b.endsLower && fits(a.startsLower, b.lower) ? this.byLower.get(a.lower + b.lower) : undefined;
    const lemma =
      b.endsLemma && fits(a.startsLemma, b.lemma) ? this.byLemma.get(a.lemma + b.lemma) : undefined;
    if (!lower && !lemma) return NO_HITS;
    const found = new Map<number, Hit>();
    const common = !touching && (commonHalf(a.lower) || commonHalf(b.lower));
    this.collect(found, common ? lower?.filter(this.spelledApart) : lower, 0, 1);
    this.collect(found, common ? lemma?.filter(this.spelledApart) : lemma, 1, 1);
    return found.size === 0 ? NO_HITS : [...found.values()];
  }

  /** Whether two answer words apart, one of them common, may spell a word: not one written in capitals (`IAM`). */
  private readonly spelledApart = (id: number): boolean => (this.words[id] as LexiconWord).text === '';

  private collect(found: Map<number, Hit>, ids: number[] | undefined, via: number, similarity: number): void {
    for (const id of ids ?? []) {
      const old = found.get(id);
      if (!old || old.via > via) found.set(id, { id, via, similarity });
    }
  }

  private compute(token: TokenForms, work: { fuzzy: number }): Hit[] {
    const found = new Map<number, Hit>();
    // Exact words are kept with plain apostrophes: "O’Reilly" is `=O'Reilly`.
    this.collect(found, this.byExact.get(plainApostrophes(token.text)), 0, 1);
    this.collect(found, this.byLower.get(token.lower), 0, 1);
    for (const length of this.prefixLengths) {
      if (token.lower.length >= length)
        this.collect(found, this.byPrefix.get(token.lower.slice(0, length)), 0, 1);
    }
    this.collect(found, this.byLemma.get(token.lemma), 1, 1);
    this.collect(found, this.byLower.get(token.lemma), 1, 1);
    this.collect(found, this.byStem.get(token.stem), 2, 1);
    const acronym = acronymOf(token.text);
    if (acronym) {
      const upper = token.text.replace(/[^A-Z]/g, '').length >= 2;
      const ids = this.byAcronym
        .get(acronym)
        ?.filter((id) => upper || (this.words[id]?.text.length ?? 0) >= 3);
      this.collect(found, ids, 3, 1);
    }
    if (found.size === 0) this.fuzzy(token.lower, found, work);
    return [...found.values()].sort((x, y) => x.id - y.id);
  }

  /** Misspellings: within maxEdits of a word, or the same Double Metaphone code within 2 edits. */
  private fuzzy(lower: string, found: Map<number, Hit>, work: { fuzzy: number }): void {
    if (lower.length < FUZZY_MIN_LENGTH - 1 || !ALPHA.test(lower) || STOP_WORDS.has(lower)) return;
    const shared = new Map<number, number>();
    let visited = 0;
    for (const bigram of bigrams(lower)) {
      const ids = this.byBigram.get(bigram) ?? [];
      visited += ids.length;
      for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const phonetic = new Set<number>();
    for (const code of phoneticCodes(lower)) for (const id of this.byCode.get(code) ?? []) phonetic.add(id);
    const candidates = new Set<number>(phonetic);
    for (const [id, count] of shared) {
      const word = this.words[id] as LexiconWord;
      const edits = maxEdits(word.lower.length);
      // Each edit destroys at most three bigrams of the longer word.
      if (count >= Math.max(1, Math.max(word.lower.length, lower.length) - 1 - 3 * edits)) candidates.add(id);
    }
    work.fuzzy += visited + candidates.size;
    for (const id of candidates) {
      const word = this.words[id] as LexiconWord;
      const allowed = phonetic.has(id)
        ? Math.max(2, maxEdits(word.lower.length))
        : maxEdits(word.lower.length);
      const distance = editDistance(lower, word.lower, allowed);
      if (distance <= allowed) {
        const similarity = 1 - distance / Math.max(lower.length, word.lower.length);
        this.collect(found, [id], 4, Math.round(similarity * 1000) / 1000);
      }
    }
  }
}

function bigrams(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < word.length - 1; i++) out.add(word.slice(i, i + 2));
  return out;
}
