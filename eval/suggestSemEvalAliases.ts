import type { MarkedAnswer } from '../src/calibrate/checkMarked.js';
import { isValidPattern } from '../src/draft/isValidPattern.js';
import { InputError, RubricError } from '../src/errors.js';
import { type CompiledRubric, compileRubric } from '../src/rubric/compileRubric.js';
import type { Concept, Rubric } from '../src/rubric/schema.js';
import { scoreRubric } from '../src/score/scoreRubric.js';
import { nearestConcept } from '../src/suggest/nearestConcept.js';
import { suggestAliases } from '../src/suggest/suggestAliases.js';
import { questionKey, type SemEvalCorpus, type SemEvalRow } from './datasets.js';
import type { DraftedQuestion } from './evaluateSemEval.js';

/** Where an accepted alias goes in its rubric. */
export type AliasPlacement =
  /** A pattern of the concept `suggestAliases` names as nearest (the first concept when it names none). */
  | 'nearest'
  /** A pattern of the nearest required concept when the rubric has one (it gates coverage), else as `nearest`. */
  | 'required'
  /** A new one-point concept of its own. */
  | 'concept';

/** The fixed rules that turn `suggestAliases` output into rubric patterns, with no hand edits. */
export interface AliasRules {
  /** Most aliases added to each drafted rubric: the first suggestions in `suggestAliases` order. */
  top: number;
  /** Fewest correct marked answers a phrase must appear in, unmatched (`suggestAliases`' `minCount`). */
  minCount: number;
  /** Lowest lift (share of correct answers with the phrase ÷ share of the others, smoothed) accepted. */
  minLift: number;
  placement: AliasPlacement;
  /** Which of a question's drafted rubrics get aliases: all, or only the first reference's (Beetle lists [BEST] first). */
  references: 'all' | 'first';
}

/**
 * The frozen rules per corpus, chosen by 5-fold cross-validation over the answers of each question within `train`
 * (eval/crossValidateAliases.ts; 2-way macro-F1, threshold re-tuned on the four folds the aliases came from); no
 * test split was looked at. SciEntsBank gains from many aliases; on Beetle, whose wrong answers use the same words
 * as the right ones, only one strong alias on the first ([BEST]) reference did not lose.
 */
export const ALIAS_RULES: Readonly<Record<SemEvalCorpus, Readonly<AliasRules>>> = Object.freeze({
  sciEntsBank: Object.freeze({
    top: 10,
    minCount: 4,
    minLift: 1.5,
    placement: 'required',
    references: 'first',
  }),
  beetle: Object.freeze({ top: 1, minCount: 5, minLift: 3, placement: 'required', references: 'first' }),
});

/** One alias added to a drafted rubric, for the report. */
export interface AddedAlias {
  /** `corpus/questionId`. */
  question: string;
  /** Index of the reference (and rubric) in the question's drafted rubrics. */
  rubric: number;
  phrase: string;
  /** Concept id it was added to (a new concept's own id for placement `concept`). */
  concept: string;
  /** Correct and other marked answers using it, and its lift. */
  high: number;
  low: number;
  lift: number;
}

/** The drafted rubrics with aliases added, and the list of what was added. */
export interface AliasedRubrics {
  drafted: Map<string, DraftedQuestion>;
  added: AddedAlias[];
}

/** The concept an alias joins under `placement`: its index in `rubric.concepts`. */
function targetConcept(
  rubric: Rubric,
  phrase: string,
  nearestId: string | undefined,
  placement: AliasPlacement,
) {
  if (placement === 'required') {
    const required = rubric.concepts.filter((c) => c.required);
    if (required.length > 0) {
      const id = nearestConcept({ ...rubric, concepts: required }, phrase)?.id ?? required[0]?.id;
      return rubric.concepts.findIndex((c) => c.id === id);
    }
  }
  return Math.max(
    0,
    rubric.concepts.findIndex((c) => c.id === nearestId),
  );
}

/** `rubric` with `phrase` added under `placement`, and the id of the concept that holds it. */
function withAlias(
  rubric: Rubric,
  phrase: string,
  nearestId: string | undefined,
  placement: AliasPlacement,
): { rubric: Rubric; concept: string } {
  if (placement === 'concept') {
    const taken = new Set(rubric.concepts.map((c) => c.id));
    let n = 1;
    while (taken.has(`alias-${n}`)) n++;
    const concept: Concept = {
      id: `alias-${n}`,
      label: phrase,
      points: 1,
      required: false,
      match: [phrase],
    };
    return { rubric: { ...rubric, concepts: [...rubric.concepts, concept] }, concept: concept.id };
  }
  const index = targetConcept(rubric, phrase, nearestId, placement);
  const concepts = rubric.concepts.map((c, i) => (i === index ? { ...c, match: [...c.match, phrase] } : c));
  return { rubric: { ...rubric, concepts }, concept: concepts[index]?.id ?? '' };
}

/**
 * Extend one drafted rubric with aliases suggested from marked answers: `suggestAliases(rubric, marked)` with
 * correct answers at full marks and the others at 0, its suggestions filtered by `rules.minLift`, the first
 * `rules.top` added under `rules.placement`. Phrases that are not valid patterns are left out.
 */
export function extendRubric(
  compiled: CompiledRubric,
  answers: readonly { text: string; correct: boolean }[],
  rules: AliasRules,
): { rubric: CompiledRubric; added: Omit<AddedAlias, 'question' | 'rubric'>[] } {
  let rubric = compiled.rubric;
  const { maxScore } = scoreRubric(rubric, { concepts: [], misconceptions: [] });
  const marked: MarkedAnswer[] = answers.map((a) => ({ answer: a.text, score: a.correct ? maxScore : 0 }));
  const { suggestions } = suggestAliases(compiled, marked, { minCount: rules.minCount, top: 1000 });
  const added: Omit<AddedAlias, 'question' | 'rubric'>[] = [];
  for (const s of suggestions) {
    if (added.length >= rules.top) break;
    if (s.lift < rules.minLift || !isValidPattern(s.phrase)) continue;
    const next = withAlias(rubric, s.phrase, s.nearest?.id, rules.placement);
    rubric = next.rubric;
    added.push({ phrase: s.phrase, concept: next.concept, high: s.high, low: s.low, lift: s.lift });
  }
  if (added.length === 0) return { rubric: compiled, added };
  try {
    return { rubric: compileRubric(rubric), added };
  } catch (error) {
    // A phrase that parses but does not compile (none seen so far): keep the draft as it was.
    if (error instanceof RubricError || error instanceof InputError) return { rubric: compiled, added: [] };
    throw error;
  }
}

/**
 * Drafted rubrics extended with aliases suggested from marked answers of the same questions (`marked`: rows
 * whose labels may be read, e.g. `train`). Each rubric of a question gets its own suggestions from all of that
 * question's marked rows; a question without marked rows keeps its drafted rubrics unchanged.
 */
export function suggestSemEvalAliases(
  drafted: ReadonlyMap<string, DraftedQuestion>,
  marked: readonly SemEvalRow[],
  rules: AliasRules | Readonly<Record<SemEvalCorpus, AliasRules>> = ALIAS_RULES,
): AliasedRubrics {
  const byQuestion = new Map<string, { text: string; correct: boolean }[]>();
  for (const row of marked) {
    const key = questionKey(row);
    const answers = byQuestion.get(key) ?? [];
    byQuestion.set(key, answers);
    answers.push({ text: row.studentAnswer, correct: row.label === 'correct' });
  }
  const out = new Map<string, DraftedQuestion>();
  const added: AddedAlias[] = [];
  for (const [key, question] of drafted) {
    const answers = byQuestion.get(key);
    if (!answers) {
      out.set(key, question);
      continue;
    }
    const corpusRules = 'top' in rules ? rules : rules[key.slice(0, key.indexOf('/')) as SemEvalCorpus];
    const rubrics = question.rubrics.map((compiled, i) => {
      if (corpusRules.references === 'first' && i > 0) return compiled;
      const extended = extendRubric(compiled, answers, corpusRules);
      for (const a of extended.added) added.push({ question: key, rubric: i, ...a });
      return extended.rubric;
    });
    out.set(key, { ...question, rubrics });
  }
  return { drafted: out, added };
}
