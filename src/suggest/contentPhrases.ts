import { CLAUSE_BREAKS, FILLERS, NEGATION_CUES, STOP_WORDS } from '../match/words.js';
import type { AnalyzedText, Token } from '../text/types.js';

/** One occurrence of a phrase of content words in a text. */
export interface PhraseOccurrence {
  /** The words' case-folded lemmas joined by spaces: the same for `Blast radii` and `blast radius`. */
  key: string;
  /** Number of content words. */
  words: number;
  start: number;
  end: number;
}

const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X']);
/** Lemmas that carry no content of their own: wh-words, connective adverbs, light and modal verbs. */
const GENERIC: ReadonlySet<string> = new Set(
  (
    'when where why how what which whether then also still just only very too even instead thus therefore ' +
    'hence here there else again etc be have do get make can could will would shall should may might must'
  ).split(' '),
);
const JOINERS: ReadonlySet<string> = new Set(['-', '/']);

function isContent(t: Token): boolean {
  if (t.kind === 'number') return true;
  if (t.kind !== 'word' || t.lower.length < 2 || !CONTENT_POS.has(t.pos)) return false;
  return (
    !GENERIC.has(t.lemma) &&
    !STOP_WORDS.has(t.lower) &&
    !FILLERS.has(t.lower) &&
    !NEGATION_CUES.has(t.lower) &&
    !CLAUSE_BREAKS.has(t.lower)
  );
}

/**
 * Every phrase of 1 to `maxWords` content words (nouns, verbs, adjectives, adverbs, numbers; no stop words)
 * in a text, in order. Words of a phrase are adjacent within one sentence, or separated only by fillers
 * ("the", "our") — which patterns skip too — or a hyphen or slash without spaces (`self-clocking`).
 */
export function contentPhrases(analyzed: AnalyzedText, maxWords = 3): PhraseOccurrence[] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let previous: Token | undefined;
  const split = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const t of analyzed.tokens) {
    if (t.kind === 'space') continue;
    if (isContent(t)) {
      const last = run[run.length - 1];
      if (
        last &&
        (last.sentence !== t.sentence || (previous && JOINERS.has(previous.text) && previous.end !== t.start))
      )
        split();
      run.push(t);
    } else if (
      !(t.kind === 'word' && FILLERS.has(t.lower)) &&
      !(JOINERS.has(t.text) && previous?.end === t.start)
    ) {
      split();
    }
    previous = t;
  }
  split();
  const out: PhraseOccurrence[] = [];
  for (const words of runs) {
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        const slice = words.slice(i, i + n);
        out.push({
          key: slice.map((w) => w.lemma).join(' '),
          words: n,
          start: (slice[0] as Token).start,
          end: (slice[n - 1] as Token).end,
        });
      }
    }
  }
  return out;
}
