import type { Concept, Rubric } from '../rubric/schema.js';
import type { ScoreResult } from '../score/scoreRubric.js';
import type { ConceptResult } from './types.js';

/** The feedback sentence for one concept result, or undefined when nothing needs adding. */
function conceptFeedback(
  concept: Concept,
  result: ConceptResult,
  groupSatisfied: boolean,
): string | undefined {
  const text = concept.feedback;
  switch (result.status) {
    case 'met':
      return undefined;
    case 'partial':
      return text?.partial ?? text?.missing ?? `Say more about ${result.label}.`;
    case 'negated':
      return (
        text?.negated ??
        `You mentioned ${result.label} only in a negated statement. ${text?.missing ?? ''}`.trim()
      );
    case 'missing':
      return groupSatisfied ? undefined : (text?.missing ?? `Mention ${result.label}.`);
  }
}

/**
 * Feedback for the whole answer, most valuable first: required concepts missing, then negated concepts,
 * then misconceptions, then missing concepts by points, then partial ones. Sets `feedback` on each concept.
 */
export function buildFeedback(rubric: Rubric, scored: ScoreResult): string[] {
  const satisfied = new Map(scored.groups.map((g) => [g.id, g.satisfied]));
  const groupText = new Map(rubric.groups.map((g) => [g.id, g.feedback?.missing]));
  const ranked: { rank: number; points: number; order: number; text: string }[] = [];
  scored.concepts.forEach((result, order) => {
    const inSatisfiedGroup = result.group !== undefined && satisfied.get(result.group) === true;
    const text = conceptFeedback(rubric.concepts[order] as Concept, result, inSatisfiedGroup);
    if (text === undefined) return;
    result.feedback = text;
    const missing = result.status === 'missing' || result.status === 'negated';
    const rank = result.required && missing ? 0 : result.status === 'negated' ? 1 : missing ? 3 : 4;
    // An unmet group with its own feedback gives one line instead of one per missing member.
    const line =
      result.status === 'missing' && result.group !== undefined ? groupText.get(result.group) : undefined;
    ranked.push({ rank, points: result.maxPoints, order, text: line ?? text });
  });
  scored.misconceptions.forEach((m, order) => {
    if (m.triggered)
      ranked.push({ rank: 2, points: m.penalty, order, text: m.feedback ?? `Reconsider: ${m.label}.` });
  });
  ranked.sort((a, b) => a.rank - b.rank || b.points - a.points || a.order - b.order);
  return [...new Set(ranked.map((r) => r.text))];
}
