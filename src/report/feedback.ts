import { nextGeneration } from '../match/nextGeneration.js';
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
  // Lines of negated concepts (required ones first), misconceptions and partial concepts. Missing concepts' lines
  // come in the table's precomputed order: a large rubric has a thousand per answer.
  const requiredNegated: RankedLine[] = [];
  const negated: RankedLine[] = [];
  const partial: RankedLine[] = [];
  for (let order = 0; order < concepts.length; order++) {
    const { status, feedback: text, required, maxPoints } = concepts[order] as ConceptResult;
    if (text === undefined || status === 'missing') continue;
    const line = { points: maxPoints, order, text };
    if (status !== 'negated') partial.push(line);
    else (required ? requiredNegated : negated).push(line);
  }
  const misconceptions: RankedLine[] = [];
  scored.misconceptions.forEach((m, order) => {
    if (m.triggered)
      misconceptions.push({ points: m.penalty, order, text: m.feedback ?? `Reconsider: ${m.label}.` });
  });
  const missingLines = (order: number[]): RankedLine[] =>
    order.filter((i) => gives(concepts[i] as ConceptResult)).map((i) => table.missingLine[i] as RankedLine);
  // A text is dropped when it was already given: texts the rubric's missing lines can have are stamped with this
  // call's generation, any other goes into a Set.
  const lineTexts = table.lineTexts;
  lineTexts.generation = nextGeneration(lineTexts.stamps, lineTexts.generation);
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
  const [missingRequired, missingOptional] = table.missingOrder;
  giveRank([...missingLines(missingRequired), ...requiredNegated]);
  giveRank(negated);
  giveRank(misconceptions);
  // Optional concepts' missing lines, already in rank order: streamed, not collected (a thousand per answer).
  for (const i of missingOptional)
    if (gives(concepts[i] as ConceptResult)) give(table.missingLine[i] as RankedLine);
  giveRank(partial);
  return texts;
}

/** Whether a concept result gives its missing line: missing, and not quiet in a satisfied group. */
function gives(result: ConceptResult): boolean {
  return result.status === 'missing' && result.feedback !== undefined;
}
