import type { Group, Rubric } from '../rubric/schema.js';

/** A feedback line: points, then rubric order, rank it within its rank (0 most valuable). */
export interface RankedLine {
  points: number;
  order: number;
  text: string;
  /** The text's number in the rubric's LineTexts, on the table's own lines. */
  textId?: number;
}

/**
 * Distinct texts of a rubric's missing-concept lines, numbered, with a stamp per number: `buildFeedback`
 * drops repeated lines by stamping each text with the call's generation instead of hashing it into a Set
 * (a large rubric gives a thousand lines per answer).
 */
export interface LineTexts {
  ids: Map<string, number>;
  stamps: Uint32Array;
  generation: number;
}

/**
 * What scoring and feedback read of each concept, worked out once per rubric and kept in arrays: a large
 * rubric has thousands of concepts, most of them missing from any one answer, and re-reading each concept's
 * objects for every answer cost more than grading the answer.
 */
export interface ConceptTable {
  id: string[];
  label: string[];
  required: boolean[];
  /** The concept's group, if any, and that group's index in `rubric.groups` (-1 for none). */
  group: (Group | undefined)[];
  groupIndex: number[];
  /** Points when met, and the most it can earn (`maxPoints`), rounded as reported. */
  max: number[];
  /** Points when partial, rounded as reported. */
  partial: number[];
  /** Where each concept id sits in these arrays. */
  index: Map<string, number>;
  /** A missing concept's line in the feedback list. */
  missingLine: RankedLine[];
  /**
   * Concept indices in the order their missing lines are given: required concepts (feedback rank 0), then the
   * others (rank 3), each by points, most first, then rubric order.
   */
  missingOrder: [required: number[], others: number[]];
  /** Each concept's feedback by the status that gives it: missing (outside a satisfied group), partial, negated. */
  feedback: Record<'missing' | 'partial' | 'negated', string[]>;
  lineTexts: LineTexts;
}

/** Round a score to 4 decimals, as reports show them. */
export const roundScore = (x: number) => Math.round(x * 10_000) / 10_000;

const tables = new WeakMap<Rubric, ConceptTable>();

function build(rubric: Rubric): ConceptTable {
  const groupOf = new Map<string, Group>();
  for (const group of rubric.groups) for (const id of group.of) groupOf.set(id, group);
  const table: ConceptTable = {
    id: [],
    label: [],
    required: [],
    group: [],
    groupIndex: [],
    max: [],
    partial: [],
    missingLine: [],
    missingOrder: [[], []],
    index: new Map(),
    feedback: { missing: [], partial: [], negated: [] },
    lineTexts: { ids: new Map(), stamps: new Uint32Array(0), generation: 0 },
  };
  rubric.concepts.forEach((concept, order) => {
    const group = groupOf.get(concept.id);
    const maxPoints = group ? (group.points ?? group.need) / group.need : concept.points;
    const partialShare =
      concept.partialPoints !== undefined && concept.points > 0
        ? concept.partialPoints / concept.points
        : 0.5;
    const text = concept.feedback?.missing ?? `Mention ${concept.label}.`;
    table.id.push(concept.id);
    table.label.push(concept.label);
    table.required.push(concept.required);
    table.group.push(group);
    table.groupIndex.push(group ? rubric.groups.indexOf(group) : -1);
    table.max.push(roundScore(maxPoints));
    table.partial.push(roundScore(maxPoints * partialShare));
    table.feedback.missing.push(text);
    // An unmet group with its own feedback gives one line instead of one per missing member.
    table.missingLine.push({ points: roundScore(maxPoints), order, text: group?.feedback?.missing ?? text });
    table.index.set(concept.id, order);
    const own = concept.feedback;
    table.feedback.partial.push(own?.partial ?? own?.missing ?? `Say more about ${concept.label}.`);
    table.feedback.negated.push(
      own?.negated ??
        `You mentioned ${concept.label} only in a negated statement. ${own?.missing ?? ''}`.trim(),
    );
  });
  const byValue = (a: number, b: number) =>
    (table.missingLine[b] as RankedLine).points - (table.missingLine[a] as RankedLine).points || a - b;
  table.id.forEach((_, i) => {
    table.missingOrder[table.required[i] ? 0 : 1].push(i);
  });
  for (const list of table.missingOrder) list.sort(byValue);
  const { ids } = table.lineTexts;
  for (const line of table.missingLine) {
    const known = ids.get(line.text);
    line.textId = known ?? ids.size;
    if (known === undefined) ids.set(line.text, line.textId);
  }
  table.lineTexts.stamps = new Uint32Array(ids.size);
  return table;
}

/**
 * The concept table of a rubric, built on first use and cached per rubric object (a validated rubric is not
 * changed afterwards; compileRubric caches on it the same way).
 */
export function conceptTable(rubric: Rubric): ConceptTable {
  let table = tables.get(rubric);
  if (!table) {
    table = build(rubric);
    tables.set(rubric, table);
  }
  return table;
}
