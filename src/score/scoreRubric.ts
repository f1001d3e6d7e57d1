import type {
  Band,
  ConceptResult,
  ConceptStatus,
  Evidence,
  GroupResult,
  MisconceptionResult,
} from '../report/types.js';
import type { Group, Rubric } from '../rubric/schema.js';
import { type ConceptTable, conceptTable, roundScore as round } from './conceptTable.js';

/** Concept results and totals, before feedback and flags are added. */
export interface ScoreResult {
  concepts: ConceptResult[];
  groups: GroupResult[];
  misconceptions: MisconceptionResult[];
  rawScore: number;
  maxRaw: number;
  score: number;
  maxScore: number;
  ratio: number;
  band: Band;
  passed: boolean;
}

/** Concept statuses and misconception evidence, as found in one answer. */
export interface ScoreInput {
  /** By concept index; a concept without an entry (a sparse array may leave holes) is missing. */
  concepts: ({ status: ConceptStatus; evidence: Evidence[] } | undefined)[];
  misconceptions: Evidence[][];
  /** Multiply raw points by this factor before the scale (keyword-list penalty); default 1. */
  factor?: number;
}

/** Map raw points through the rubric's scale (identity without one). */
export function applyScale(rubric: Rubric, raw: number): number {
  const scale = rubric.scoring.scale;
  if (!scale) return raw;
  return scale.find((step) => raw >= step.min - 1e-9)?.score ?? 0;
}

/** The band a ratio falls in. */
export function bandOf(rubric: Rubric, ratio: number): Band {
  const { strong, adequate, weak } = rubric.scoring.bands;
  return ratio >= strong
    ? 'strong'
    : ratio >= adequate
      ? 'adequate'
      : ratio >= weak
        ? 'weak'
        : 'insufficient';
}

/** A found concept's share of its points: 1 when met, its partial share when partial, else 0. */
function creditOf(table: ConceptTable, i: number, status: ConceptStatus): number {
  const max = table.max[i] as number;
  if (status === 'met') return 1;
  return status === 'partial' && max > 0 ? (table.partial[i] as number) / max : 0;
}

/**
 * Score an answer: concept points, partial credit, "any N of M" groups, misconception penalties (floor 0),
 * the scale, pass and band; each concept not met gets its feedback, unless its group is already satisfied.
 * Pure: the same input always gives the same result.
 */
export function scoreRubric(rubric: Rubric, input: ScoreInput): ScoreResult {
  const table = conceptTable(rubric);
  const statusOf = (i: number): ConceptStatus => input.concepts[i]?.status ?? 'missing';
  // Groups first, from the members' statuses: a missing member of a satisfied group needs no feedback.
  const groups: GroupResult[] = rubric.groups.map((group) => {
    const maxPoints = group.points ?? group.need;
    const credit = group.of.reduce((sum, id) => {
      const i = table.index.get(id);
      return i === undefined ? sum : sum + creditOf(table, i, statusOf(i));
    }, 0);
    return {
      id: group.id,
      label: group.label,
      need: group.need,
      met: round(credit),
      satisfied: credit >= group.need,
      points: round(maxPoints * Math.min(1, credit / group.need)),
      maxPoints,
      concepts: [...group.of],
    };
  });
  const satisfied = groups.map((g) => g.satisfied);
  const concepts: ConceptResult[] = new Array(table.id.length);
  // One pass over every concept (a large rubric has thousands per answer): results, ungrouped sums, required.
  let conceptPoints = 0;
  let conceptMax = 0;
  let requiredMet = true;
  for (let i = 0; i < concepts.length; i++) {
    const found = input.concepts[i];
    const status = found?.status ?? 'missing';
    const evidence = found?.evidence ?? [];
    const id = table.id[i] as string;
    const label = table.label[i] as string;
    const required = table.required[i] as boolean;
    const maxPoints = table.max[i] as number;
    const points = status === 'met' ? maxPoints : status === 'partial' ? (table.partial[i] as number) : 0;
    const groupAt = table.groupIndex[i] as number;
    if (required && status !== 'met' && status !== 'partial') requiredMet = false;
    if (groupAt < 0) {
      conceptPoints += points;
      conceptMax += maxPoints;
    }
    const quiet = status === 'met' || (status === 'missing' && groupAt >= 0 && satisfied[groupAt] === true);
    // Branches, not `table.feedback[status]`: a look-up by a computed key was a third of this loop's time.
    const feedback = quiet
      ? undefined
      : status === 'missing'
        ? table.feedback.missing[i]
        : status === 'partial'
          ? table.feedback.partial[i]
          : table.feedback.negated[i];
    const group = groupAt < 0 ? undefined : (table.group[i] as Group).id;
    // One object literal per shape, so every result is built with its final keys (in report order).
    concepts[i] =
      group === undefined
        ? feedback === undefined
          ? { id, label, status, points, maxPoints, required, evidence }
          : { id, label, status, points, maxPoints, required, evidence, feedback }
        : feedback === undefined
          ? { id, label, status, points, maxPoints, required, group, evidence }
          : { id, label, status, points, maxPoints, required, group, evidence, feedback };
  }

  const misconceptions: MisconceptionResult[] = rubric.misconceptions.map((m, i) => {
    const evidence = (input.misconceptions[i] ?? []).filter((e) => !e.negated);
    const triggered = evidence.length > 0;
    return {
      id: m.id,
      label: m.label,
      triggered,
      penalty: triggered ? m.penalty : 0,
      evidence,
      ...(m.feedback ? { feedback: m.feedback } : {}),
    };
  });

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const earned = conceptPoints + sum(groups.map((g) => g.points));
  const maxRaw = round(conceptMax + sum(groups.map((g) => g.maxPoints)));
  const penalty = sum(misconceptions.map((m) => m.penalty));
  const rawScore = round(Math.max(0, earned * (input.factor ?? 1) - penalty));
  const score = round(applyScale(rubric, rawScore));
  const maxScore = round(applyScale(rubric, maxRaw));
  const ratio = maxScore > 0 ? round(Math.min(1, score / maxScore)) : 0;
  return {
    concepts,
    groups,
    misconceptions,
    rawScore,
    maxRaw,
    score,
    maxScore,
    ratio,
    band: bandOf(rubric, ratio),
    passed: requiredMet && ratio >= rubric.scoring.pass,
  };
}
