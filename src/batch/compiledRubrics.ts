import { type CompiledRubric, compileParsed } from '../rubric/compileParsed.js';

/**
 * Estimated bytes a compiled rubric holds per lexicon word: measured 1.5–1.6 KB on generated rubrics of 100 to
 * 1,000 concepts, 1.7–2.2 KB on most bundled ones.
 */
export const BYTES_PER_WORD = 2_000;
/** Estimated bytes per token text a compiled rubric's look-up cache keeps. */
const BYTES_PER_CACHED_TEXT = 150;

/**
 * Estimated bytes of compiled rubrics one grading thread keeps (about 100 rubrics the size of the bundled ones).
 * Past it the least recently used are dropped and compiled again when a row needs them: a batch over hundreds of
 * rubrics used to hold all of them in every worker (≈ 0.6 MB each) until the workers ran out of heap.
 */
const COMPILED_BUDGET = 64 * 1024 * 1024;

/** A grading thread's compiled rubrics, by the key rows name them with. */
export interface CompiledRubrics {
  /** The rubric of `key`, compiled from `json` (a rubric `parseRubric` returned, as JSON) if not kept. */
  get(key: string, json: string): CompiledRubric;
}

/** What a compiled rubric is estimated to hold, in bytes. */
function estimate(rubric: CompiledRubric): number {
  return rubric.lexicon.words.length * BYTES_PER_WORD + rubric.lexicon.cachedTexts * BYTES_PER_CACHED_TEXT;
}

/**
 * Compiled rubrics kept by key within `budget` estimated bytes, least recently used dropped first (the one just
 * compiled is always kept, however large).
 */
export function compiledRubrics(budget = COMPILED_BUDGET): CompiledRubrics {
  // In use order, least recent first: a hit moves its rubric to the end.
  const kept = new Map<string, CompiledRubric>();
  return {
    get(key, json) {
      const known = kept.get(key);
      if (known) {
        kept.delete(key);
        kept.set(key, known);
        return known;
      }
      const compiled = compileParsed(JSON.parse(json));
      kept.set(key, compiled);
      let total = 0;
      for (const rubric of kept.values()) total += estimate(rubric);
      for (const [old, rubric] of kept) {
        if (total <= budget || old === key) break;
        kept.delete(old);
        total -= estimate(rubric);
      }
      return compiled;
    },
  };
}
