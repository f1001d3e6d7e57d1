/** What kind of text a token is. */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'space' | 'other';

/** One token of an answer, with exact character offsets and normalized forms. */
export interface Token {
  /** The token exactly as written: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Case-folded surface form. */
  lower: string;
  /** Case-folded lemma (`deployments` → `deployment`, `rolled` → `roll`). */
  lemma: string;
  /** Porter stem of the case-folded form (`deployment` → `deploy`). */
  stem: string;
  /** Universal part-of-speech tag (`NOUN`, `VERB`, `AUX`, …). */
  pos: string;
  /** Sentence index, 0-based; a line break also ends a sentence. */
  sentence: number;
  /** True when the token lies in the scope of a negation cue ("never used *canary*"). */
  negated: boolean;
}

/** An answer analysed once: the input for matching. */
export interface AnalyzedText {
  text: string;
  tokens: Token[];
}

/** Normalized forms of a single word, as used for pattern words. */
export interface WordForms {
  lower: string;
  lemma: string;
  stem: string;
}
