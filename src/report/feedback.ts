import type { Rubric } from '../rubric/schema.js';
import { conceptTable, type RankedLine } from '../score/conceptTable.js';
import type { ScoreResult } from '../score/scoreRubric.js';
import type { ConceptResult } from './types.js';

/**
 * Feedback for the whole answer, most valuable first: required concepts missing, then negated concepts,
 * then misconceptions, then missing concepts by points, then partial ones; each line once.
 */
export function buildFeedback(rubric: Rubric, scored: ScoreResult): string[] {
  const table = conceptTable(rubric);
  const { concepts } = scored;
  // Lines of negated concepts (rank 0 when required, else 1), misconceptions (2) and partial concepts (4). Missing
  // concepts' lines (ranks 0 and 3) come in the table's precomputed order: a large rubric has a thousand per answer.
  const ranked: RankedLine[][] = [[], [], [], [], []];
  for (let order = 0; order < concepts.length; order++) {
    const { status, feedback: text, required, maxPoints } = concepts[order] as ConceptResult;
    if (text === undefined || status === 'missing') continue;
    ranked[status === 'negated' ? (required ? 0 : 1) : 4]?.push({ points: maxPoints, order, text });
  }
  scored.misconceptions.forEach((m, order) => {
    if (m.triggered)
      ranked[2]?.push({ points: m.penalty, order, text: m.feedback ?? `Reconsider: ${m.label}.` });
  });
  const missingLines = (order: number[]): RankedLine[] =>
    order.filter((i) => gives(concepts[i] as ConceptResult)).map((i) => table.missingLine[i] as RankedLine);
  // A text is dropped when it was already given: texts the rubric's missing lines can have are stamped with this
  // call's generation, any other goes into a Set.
  const lineTexts = table.lineTexts;
  if (++lineTexts.generation === 2 ** 32) {
    lineTexts.stamps.fill(0);
    lineTexts.generation = 1;
  }
  const { ids, stamps, generation } = lineTexts;
  const others = new Set<string>();
  const texts: string[] = [];
  const give = ({ text, textId }: RankedLine): void => {
    const id = textId ?? ids.get(text);
    if (id === undefined) {
      if (others.has(text)) return;
      others.add(text);
    } else {
      if (stamps[id] === generation) return;
      stamps[id] = generation;
    }
    texts.push(text);
  };
  // Most valuable first: one rank's lines by points, then rubric order (most lists are already in that order).
  const giveRank = (list: RankedLine[]): void => {
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++)
      sorted = (list[i - 1] as RankedLine).points >= (list[i] as RankedLine).points;
    if (!sorted) list.sort((a, b) => b.points - a.points || a.order - b.order);
    for (const line of list) give(line);
  };
  const [required, optional] = table.missingOrder;
  giveRank([...missingLines(required), ...(ranked[0] as RankedLine[])]);
  giveRank(ranked[1] as RankedLine[]);
  giveRank(ranked[2] as RankedLine[]);
  // Optional concepts' missing lines, already in rank order: streamed, not collected (a thousand per answer).
  for (const i of optional) if (gives(concepts[i] as ConceptResult)) give(table.missingLine[i] as RankedLine);
  giveRank(ranked[4] as RankedLine[]);
  return texts;
}

/** Whether a concept result gives its missing line: missing, and not quiet in a satisfied group. */
function gives(result: ConceptResult): boolean {
  return result.status === 'missing' && result.feedback !== undefined;
}
