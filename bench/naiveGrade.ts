import { type PatternNode, parsePattern } from '../src/match/parsePattern.js';
import type { Evidence } from '../src/report/types.js';
import type { Rubric } from '../src/rubric/schema.js';
import { type ScoreResult, scoreRubric } from '../src/score/scoreRubric.js';

/**
 * A pattern as the naive grader reads it: the words every one of which must occur, each given as the
 * alternatives that satisfy it (`(deploy*|release) frequency` → [['deploy', 'release'], ['frequency']]).
 * Order, gaps, optional parts, sentences and negation are ignored; a branch of several words counts as one string.
 */
export function naiveTerms(pattern: string): string[][] {
  const phrase = (nodes: readonly PatternNode[]): string =>
    nodes
      .filter((n) => n.kind === 'word' && !n.optional)
      .map((n) => (n as { text: string }).text.toLowerCase())
      .join(' ');
  return parsePattern(pattern).flatMap((node): string[][] => {
    if (node.kind === 'gap' || node.optional) return [];
    if (node.kind === 'word') return [[node.text.toLowerCase()]];
    return [node.branches.map(phrase).filter(Boolean)];
  });
}

/** True when every term of the pattern occurs in the lower-cased answer as a substring. */
function occurs(terms: readonly string[][], lower: string): boolean {
  return terms.every((alternatives) => alternatives.some((term) => lower.includes(term)));
}

/** A compiled naive grader: each pattern turned into its substring terms once. */
export interface NaiveRubric {
  rubric: Rubric;
  concepts: { match: string[][][]; partial: string[][][] }[];
  misconceptions: string[][][][];
}

/** Prepare a validated rubric for `naiveGrade`. */
export function compileNaive(rubric: Rubric): NaiveRubric {
  return {
    rubric,
    concepts: rubric.concepts.map((c) => ({
      match: c.match.map(naiveTerms),
      partial: (c.partial ?? []).map(naiveTerms),
    })),
    misconceptions: rubric.misconceptions.map((m) => m.match.map(naiveTerms)),
  };
}

const EVIDENCE: Evidence = {
  start: 0,
  end: 0,
  text: '',
  sentence: 0,
  pattern: '',
  via: 'exact',
  similarity: 1,
  negated: false,
};

/**
 * The naive peer: a concept is met when all the words of one of its patterns occur as lower-cased substrings
 * of the answer, partial likewise; misconceptions the same. Scored by rubricate's own scorer, so the two
 * graders differ only in how they find concepts.
 */
export function naiveGrade(naive: NaiveRubric, answer: string): ScoreResult {
  const lower = answer.toLowerCase();
  const hit = (patterns: readonly string[][][]) => patterns.some((terms) => occurs(terms, lower));
  return scoreRubric(naive.rubric, {
    concepts: naive.concepts.map((c) =>
      hit(c.match)
        ? { status: 'met', evidence: [EVIDENCE] }
        : hit(c.partial)
          ? { status: 'partial', evidence: [EVIDENCE] }
          : { status: 'missing', evidence: [] },
    ),
    misconceptions: naive.misconceptions.map((m) => (hit(m) ? [EVIDENCE] : [])),
  });
}
