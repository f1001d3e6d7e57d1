import type { Concept, Rubric } from '../rubric/schema.js';
import { conceptTable, type RankedLine } from '../score/conceptTable.js';
import type { ScoreResult } from '../score/scoreRubric.js';

/** The feedback sentence for a concept found partly or only negated (a missing one's is in its ConceptTable). */
function foundFeedback(concept: Concept, status: 'partial' | 'negated'): string {
  const text = concept.feedback;
  return status === 'partial'
    ? (text?.partial ?? text?.missing ?? `Say more about ${concept.label}.`)
    : (text?.negated ??
        `You mentioned ${concept.label} only in a negated statement. ${text?.missing ?? ''}`.trim());
}

/**
 * Feedback for the whole answer, most valuable first: required concepts missing, then negated concepts,
 * then misconceptions, then missing concepts by points, then partial ones. Sets `feedback` on each concept.
 */
export function buildFeedback(rubric: Rubric, scored: ScoreResult): string[] {
  const satisfied = new Map(scored.groups.map((g) => [g.id, g.satisfied]));
  // One list per rank (0 most valuable), each filled in rubric order: a list whose points do not rise (equal
  // points, the usual case) is already sorted.
  const ranked: RankedLine[][] = [[], [], [], [], []];
  const table = conceptTable(rubric);
  scored.concepts.forEach((result, order) => {
    const { status } = result;
    if (status === 'met') return;
    if (status === 'missing') {
      // The usual case (most concepts of a large rubric): text, line and rank come from the table. A missing
      // member of a satisfied group needs nothing.
      if (result.group !== undefined && satisfied.get(result.group) === true) return;
      result.feedback = table.missingText[order] as string;
      ranked[table.missingRank[order] as number]?.push(table.missingLine[order] as RankedLine);
      return;
    }
    const text = foundFeedback(rubric.concepts[order] as Concept, status);
    result.feedback = text;
    const rank = status === 'negated' ? (result.required ? 0 : 1) : 4;
    ranked[rank]?.push({ points: result.maxPoints, order, text });
  });
  scored.misconceptions.forEach((m, order) => {
    if (m.triggered)
      ranked[2]?.push({ points: m.penalty, order, text: m.feedback ?? `Reconsider: ${m.label}.` });
  });
  // Plain loops: with a large rubric this runs over a thousand lines per answer. A text is dropped when it
  // was already given: texts the rubric's missing lines can have are stamped with this call's generation, any
  // other goes into a Set.
  const lineTexts = table.lineTexts;
  if (++lineTexts.generation === 2 ** 32) {
    lineTexts.stamps.fill(0);
    lineTexts.generation = 1;
  }
  const { ids, stamps, generation } = lineTexts;
  const others = new Set<string>();
  const texts: string[] = [];
  for (const list of ranked) {
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++)
      sorted = (list[i - 1] as RankedLine).points >= (list[i] as RankedLine).points;
    if (!sorted) list.sort((a, b) => b.points - a.points || a.order - b.order);
    for (const { text, textId } of list) {
      const id = textId ?? ids.get(text);
      if (id === undefined) {
        if (others.has(text)) continue;
        others.add(text);
      } else {
        if (stamps[id] === generation) continue;
        stamps[id] = generation;
      }
      texts.push(text);
    }
  }
  return texts;
}
