import type {
  Band,
  ConceptResult,
  ConceptStatus,
  Evidence,
  GroupResult,
  MisconceptionResult,
} from '../report/types.js';
import type { Rubric } from '../rubric/schema.js';

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
  concepts: { status: ConceptStatus; evidence: Evidence[] }[];
  misconceptions: Evidence[][];
  /** Multiply raw points by this factor before the scale (keyword-list penalty); default 1. */
  factor?: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

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

/**
 * Score an answer: concept points, partial credit, "any N of M" groups, misconception penalties (floor 0),
 * the scale, pass and band. Pure: the same input always gives the same result.
 */
export function scoreRubric(rubric: Rubric, input: ScoreInput): ScoreResult {
  const groupOf = new Map<string, Rubric['groups'][number]>();
  for (const group of rubric.groups) for (const id of group.of) groupOf.set(id, group);

  const concepts: ConceptResult[] = rubric.concepts.map((concept, i) => {
    const { status, evidence } = input.concepts[i] ?? { status: 'missing', evidence: [] };
    const group = groupOf.get(concept.id);
    const maxPoints = group ? (group.points ?? group.need) / group.need : concept.points;
    const partialShare =
      concept.partialPoints !== undefined && concept.points > 0
        ? concept.partialPoints / concept.points
        : 0.5;
    const share = status === 'met' ? 1 : status === 'partial' ? partialShare : 0;
    return {
      id: concept.id,
      label: concept.label,
      status,
      points: round(maxPoints * share),
      maxPoints: round(maxPoints),
      required: concept.required,
      ...(group ? { group: group.id } : {}),
      evidence,
    };
  });
  const byId = new Map(concepts.map((c) => [c.id, c]));

  const groups: GroupResult[] = rubric.groups.map((group) => {
    const maxPoints = group.points ?? group.need;
    const credit = group.of.reduce((sum, id) => {
      const c = byId.get(id);
      return sum + (c && c.maxPoints > 0 ? c.points / c.maxPoints : c?.status === 'met' ? 1 : 0);
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

  const ungrouped = concepts.filter((c) => c.group === undefined);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const earned = sum(ungrouped.map((c) => c.points)) + sum(groups.map((g) => g.points));
  const maxRaw = round(sum(ungrouped.map((c) => c.maxPoints)) + sum(groups.map((g) => g.maxPoints)));
  const penalty = sum(misconceptions.map((m) => m.penalty));
  const rawScore = round(Math.max(0, earned * (input.factor ?? 1) - penalty));
  const score = round(applyScale(rubric, rawScore));
  const maxScore = round(applyScale(rubric, maxRaw));
  const ratio = maxScore > 0 ? round(Math.min(1, score / maxScore)) : 0;
  const requiredMet = concepts.every((c) => !c.required || c.status === 'met' || c.status === 'partial');
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
