import { InputError } from '../errors.js';
import { grade, MAX_ANSWER_LENGTH } from '../grade.js';
import { parseRubric } from '../rubric/parseRubric.js';
import { type RubricInput, RubricSchema } from '../rubric/schema.js';
import { conceptId } from './conceptId.js';
import { draftItemConcepts } from './draftItemConcepts.js';
import { draftPhraseConcepts } from './draftPhraseConcepts.js';
import { questionForms, sharedWords } from './keyPhrases.js';
import { renderDraftYaml } from './renderDraftYaml.js';
import { splitAnswer } from './splitAnswer.js';
import type { ConceptInput } from './types.js';

/** Options for `draftRubric`. */
export interface DraftOptions {
  /**
   * The question the model answer answers. The words of its asking sentences (those ending in "?", and the last) are
   * left out of the patterns, since restating the question shows nothing; a scene it sets is what answers cite.
   */
  question?: string;
  /** The rubric id (default `draft`): letters, digits, `/`, `_` or `-`. */
  id?: string;
  /** The rubric title (default: the question, else "Drafted rubric"). */
  title?: string;
}

/** A drafted rubric: the object (valid for `parseRubric`, `compileRubric` and `grade`) and the same as commented YAML to review. */
export interface DraftedRubric {
  rubric: RubricInput;
  yaml: string;
}

const HEADER = [
  'Drafted by rubricate from a model answer. Review it before grading with it:',
  '- each concept should be one idea a good answer must contain: merge, split or delete concepts;',
  '- add the words answers use for each idea to `match` (any one pattern credits the concept);',
  '- a misconception drafted as the opposite of a concept deducts a point: delete it if both can be true.',
];
const MAX_TITLE = 120;

/**
 * The review lines for a draft of one concept whose patterns are each one word, from a model answer that restates the
 * question around it (`shared`: the words it shares with the question): any answer that uses the word anywhere earns
 * full marks. None for other drafts, or for a one-word model answer ("Photosynthesis").
 */
function loneWordWarning(concepts: readonly ConceptInput[], shared: readonly string[]): string[] {
  const only = concepts.length === 1 ? concepts[0] : undefined;
  if (!only || only.match.some((pattern) => /\s/.test(pattern))) return [];
  // A pattern's alternatives as words: `(path|pathway)` says "path" or "pathway".
  const words = only.match.flatMap((pattern) => pattern.replace(/^\((.*)\)$/, '$1').split('|'));
  // A model answer that only restates the question keeps the question's words as its pattern ("The sun."): those
  // are not left out.
  const left = shared.filter((word) => !words.includes(word.toLowerCase()));
  if (left.length === 0) return [];
  return [
    `- one concept of one word: an answer that says ${words.map((w) => `"${w}"`).join(' or ')} anywhere earns full marks.`,
    `  The words the model answer shares with the question are left out of the patterns (${left.join(', ')}):`,
    '  add those an answer must relate it to.',
  ];
}

/** Throws an InputError for options that are not an object, or a `question`, `id` or `title` that is not a string. */
function checkOptions(options: unknown): asserts options is DraftOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new InputError(
      'bad-option',
      `rubricate: draft options must be an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
    );
  for (const name of ['question', 'id', 'title'] as const) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined && typeof value !== 'string')
      throw new InputError('bad-option', `rubricate: ${name} must be a string, got ${typeof value}`);
  }
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * Draft a rubric from a model answer. List items (bullets, numbered lines) become one concept each, credited
 * by the item's heading ("Deployment Frequency: …") or its key phrases; an answer without a list becomes one
 * concept per key phrase (noun phrases, content verbs), so a grade reflects how much of the answer is covered.
 * Words the question's asking sentences already use are left out of the patterns; a phrase the answer negates ("no gap") needs a
 * negation, and one with a listed opposite ("connected" / "separated") gets a misconception for it. A concept the
 * model answer itself states inside a negation ("the terminals are not connected") ignores negation, so the model
 * answer earns full marks. Deterministic; throws an `InputError` when the answer has no words to draft from.
 * @example
 * const { rubric, yaml } = draftRubric('1. Deployment frequency\n2. Lead time for changes\n3. MTTR', {
 *   question: 'Name three DevOps KPIs.',
 * });
 * rubric.concepts.map((c) => c.id); // ['deployment-frequency', 'lead-time-for-changes', 'mttr']
 */
export function draftRubric(modelAnswer: string, options: DraftOptions = {}): DraftedRubric {
  checkOptions(options);
  if (options.id !== undefined && !RubricSchema.shape.id.safeParse(options.id).success)
    throw new InputError(
      'bad-option',
      `rubricate: id "${options.id}" must start with a letter or digit, hold only letters, digits, "/", "_" or "-", and have at most 200 characters`,
    );
  if (typeof modelAnswer !== 'string')
    throw new InputError(
      'not-a-string',
      `rubricate: model answer must be a string, got ${typeof modelAnswer}`,
    );
  if (modelAnswer.length > MAX_ANSWER_LENGTH)
    throw new InputError(
      'answer-too-long',
      `rubricate: model answer has ${modelAnswer.length} characters; the limit is ${MAX_ANSWER_LENGTH}`,
    );
  const question = questionForms(options.question);
  const parts = splitAnswer(modelAnswer);
  const items = parts.filter((part) => part.kind === 'item');
  const drafted =
    items.length > 0
      ? draftItemConcepts(items, question)
      : draftPhraseConcepts(parts.map((part) => part.body).join('\n'), question);
  if (drafted.length === 0)
    throw new InputError('no-content', 'rubricate: the model answer has no words to draft concepts from');

  const taken = new Set<string>();
  const ids = drafted.map((d) => conceptId(d.concept.label, taken));
  const opposites = drafted.flatMap((d, i) => {
    if (!d.opposite) return [];
    const misconception = {
      id: conceptId(`contradicts ${ids[i]}`, taken),
      label: `Contradicts "${d.opposite.source}"`,
      match: d.opposite.match,
      penalty: 1,
      feedback: `The model answer says "${d.opposite.source}".`,
    };
    return [{ misconception, note: `drafted as the opposite of concept ${ids[i]}` }];
  });
  // The model answer graded with its own draft. An opposite it states too ("larger … settle first; smaller … settle
  // slowly") contradicts nothing. A concept it states inside a negation ("the terminals are not connected", "not
  // separated by the gap") is not negated by saying the same: its negation is not read.
  const self = grade(
    {
      id: 'draft',
      title: 'draft',
      concepts: drafted.map((d, i) => ({ ...d.concept, id: ids[i] as string })),
      misconceptions: opposites.map((o) => o.misconception),
    },
    modelAnswer,
  );
  const negatedInModel = (i: number) => self.concepts[i]?.status === 'negated';
  const concepts = drafted.map(({ concept }, i): ConceptInput => {
    const { feedback, ...rest } = concept;
    return negatedInModel(i)
      ? { ...rest, id: ids[i] as string, negation: 'ignore', ...(feedback ? { feedback } : {}) }
      : { ...concept, id: ids[i] as string };
  });
  const kept = opposites.filter((_, i) => (self.misconceptions[i]?.evidence.length ?? 0) === 0);
  const rubric: RubricInput = {
    id: options.id ?? 'draft',
    title: oneLine(options.title ?? options.question ?? '', MAX_TITLE) || 'Drafted rubric',
    ...(options.question?.trim() ? { question: oneLine(options.question, Number.POSITIVE_INFINITY) } : {}),
    concepts,
    ...(kept.length > 0 ? { misconceptions: kept.map((o) => o.misconception) } : {}),
  };
  parseRubric(rubric);
  const left = items.length > 0 ? parts.filter((part) => part.kind === 'prose') : [];
  const yaml = renderDraftYaml(rubric, {
    header: [
      ...HEADER,
      ...left.map((part) => `- left out, not a list item: "${oneLine(part.body, 80)}"`),
      ...loneWordWarning(concepts, sharedWords(modelAnswer, question)),
    ],
    concepts: drafted.map((d, i) =>
      negatedInModel(i)
        ? `${d.review}; the model answer says it inside a negation, so a negation does not cancel it (negation: ignore)`
        : d.review,
    ),
    misconceptions: kept.map((o) => o.note),
  });
  return { rubric, yaml };
}
