/** How an answer word matched a pattern word, strongest first. */
export type Via = 'exact' | 'lemma' | 'stem' | 'acronym' | 'fuzzy';

/** Where an answer covers a pattern: `answer.slice(start, end) === text`. */
export interface Evidence {
  /** Character offset of the first matched character (UTF-16 code units). */
  start: number;
  /** Character offset just after the last matched character. */
  end: number;
  /** The matched text, exactly as written in the answer. */
  text: string;
  /** Index of the sentence the match is in (0-based). */
  sentence: number;
  /** The rubric pattern that matched, as written in the rubric. */
  pattern: string;
  /** The weakest way any word of the match was recognised. */
  via: Via;
  /** 1 for exact, lemma, stem and acronym matches; below 1 for misspellings (1 − edits ÷ length). */
  similarity: number;
  /** True when the match sits inside a negated clause ("we never used canary releases"). */
  negated: boolean;
}

/** Status of one concept in an answer. */
export type ConceptStatus = 'met' | 'partial' | 'negated' | 'missing';

/** Result for one concept of the rubric. */
export interface ConceptResult {
  id: string;
  label: string;
  status: ConceptStatus;
  /** Points earned (for group members: their share of the group's points). */
  points: number;
  /** Points available (for group members: group points ÷ need). */
  maxPoints: number;
  required: boolean;
  /** Id of the group the concept belongs to, if any. */
  group?: string;
  evidence: Evidence[];
  /** What to add or fix; present unless the concept is met or its group is already satisfied. */
  feedback?: string;
}

/** Result for one "any N of M" group. */
export interface GroupResult {
  id: string;
  label: string;
  need: number;
  /** Members credited: met counts 1, partial counts ½. */
  met: number;
  satisfied: boolean;
  points: number;
  maxPoints: number;
  concepts: string[];
}

/** Result for one misconception. */
export interface MisconceptionResult {
  id: string;
  label: string;
  triggered: boolean;
  /** Points deducted (0 when not triggered). */
  penalty: number;
  evidence: Evidence[];
  feedback?: string;
}

/** Something notable about the answer as a whole. */
export type Flag = 'empty' | 'too-short' | 'keyword-list' | 'truncated';

/** Score band: the ratio of score to maximum against the rubric's thresholds. */
export type Band = 'strong' | 'adequate' | 'weak' | 'insufficient';

/** The coverage report for one answer graded against one rubric. */
export interface GradeReport {
  rubric: { id: string; title: string; version?: string; question?: string };
  /** The graded answer, exactly as given (evidence offsets point into it). */
  answer: string;
  score: number;
  maxScore: number;
  /** score ÷ maxScore, 0 when maxScore is 0. */
  ratio: number;
  band: Band;
  passed: boolean;
  /** Raw points before the rubric's scale (equals score when there is no scale). */
  rawScore: number;
  /** Every concept, in rubric order. */
  concepts: ConceptResult[];
  groups: GroupResult[];
  misconceptions: MisconceptionResult[];
  /** What to add or fix, most valuable first. */
  feedback: string[];
  flags: Flag[];
  meta: { rubricate: string; model: string; durationMs: number };
}
