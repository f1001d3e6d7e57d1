import { type CompiledPattern, compilePattern } from '../match/compilePattern.js';
import { indexPatterns, type PatternSet } from '../match/indexPatterns.js';
import { Lexicon } from '../match/lexicon.js';
import { parsePattern } from '../match/parsePattern.js';
import { wordForms } from '../text/analyze.js';
import type { Rubric } from './schema.js';

/** What a compiled pattern credits when it matches. */
export interface PatternTarget {
  kind: 'match' | 'partial' | 'misconception';
  /** Index of the concept (or misconception) in the rubric. */
  index: number;
}

/** A rubric ready to grade with: patterns compiled to automata over one shared lexicon. */
export interface CompiledRubric {
  readonly kind: 'compiled-rubric';
  readonly rubric: Rubric;
  readonly lexicon: Lexicon;
  /** Every pattern of the rubric, indexed by first word; `targets[i]` says what `patterns.patterns[i]` credits. */
  readonly patterns: PatternSet;
  readonly targets: readonly PatternTarget[];
}

/** True when the value is a rubric returned by `compileRubric`. */
export function isCompiledRubric(value: unknown): value is CompiledRubric {
  return typeof value === 'object' && value !== null && (value as CompiledRubric).kind === 'compiled-rubric';
}

/** Compile a validated rubric (as `parseRubric` returns it): patterns to automata over one shared lexicon. */
export function compileParsed(rubric: Rubric): CompiledRubric {
  const lexicon = new Lexicon();
  const patterns: CompiledPattern[] = [];
  const targets: PatternTarget[] = [];
  const addAll = (
    sources: readonly string[] | undefined,
    target: PatternTarget,
    fuzzy: boolean,
    acronyms: boolean,
  ) => {
    for (const source of sources ?? []) {
      for (const compiled of compilePattern(source, parsePattern(source), lexicon, wordForms, {
        fuzzy,
        acronyms,
      })) {
        patterns.push(compiled);
        targets.push(target);
      }
    }
  };
  rubric.concepts.forEach((concept, index) => {
    const fuzzy = concept.fuzzy ?? rubric.fuzzy;
    const acronyms = concept.acronyms ?? rubric.acronyms;
    addAll(concept.match, { kind: 'match', index }, fuzzy, acronyms);
    addAll(concept.partial, { kind: 'partial', index }, fuzzy, acronyms);
  });
  rubric.misconceptions.forEach((misconception, index) => {
    addAll(misconception.match, { kind: 'misconception', index }, rubric.fuzzy, rubric.acronyms);
  });
  return {
    kind: 'compiled-rubric',
    rubric,
    lexicon,
    patterns: indexPatterns(patterns),
    targets,
  };
}
