import type { Rubric } from '../rubric/schema.js';
import { conceptTable, type RankedLine } from '../score/conceptTable.js';
import type { ScoreResult } from '../score/scoreRubric.js';

/**
 * Feedback for the whole answer, most valuable first: required concepts missing, then negated concepts,
 * then misconceptions, then missing concepts by points, then partial ones; each line once.
 */
export function buildFeedback(rubric: Rubric, scored: ScoreResult): string[] {
  const ranked: RankedLine[][] = [[], [], [], [], []];
  const table = conceptTable(rubric);
  scored.concepts.forEach((result, order) => {
    const { status, feedback: text } = result;
    if (text === undefined) return;
    if (status === 'missing') {
      ranked[table.missingRank[order] as number]?.push(table.missingLine[order] as RankedLine);
      return;
    }
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
