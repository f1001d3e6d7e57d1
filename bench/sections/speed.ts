import type { WinkMethods } from 'wink-nlp';
import type { CompiledRubric } from '../../src/rubric/compileRubric.js';
import type { Rubric } from '../../src/rubric/schema.js';
import type { CorpusEntry } from '../corpus.js';
import type { Library } from '../library.js';
import { type MeasureOptions, measure, ratioOf, timeOf } from '../measure.js';
import { compileNaive, type NaiveRubric, naiveGrade } from '../naiveGrade.js';
import { checked, fmt, type Row } from '../table.js';

/** Rows for the table and figures for results.json. */
export interface SectionResult {
  rows: Row[];
  data: Record<string, unknown>;
}

interface Agreement {
  exact: number;
  meanAbsError: number;
  conceptF1: number;
}

/** Agreement of grades with the marked examples: share of exact scores, mean absolute error, micro-F1 of credited concepts. */
function agreement(
  marked: readonly CorpusEntry[],
  gradeOne: (entry: CorpusEntry) => { score: number; credited: string[] },
): Agreement {
  let exact = 0;
  let error = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const entry of marked) {
    const { score, credited } = gradeOne(entry);
    const mark = entry.score as number;
    if (Math.abs(score - mark) < 1e-9) exact++;
    error += Math.abs(score - mark);
    if (!entry.concepts) continue;
    for (const id of credited) entry.concepts.includes(id) ? tp++ : fp++;
    for (const id of entry.concepts) if (!credited.includes(id)) fn++;
  }
  return {
    exact: exact / marked.length,
    meanAbsError: error / marked.length,
    conceptF1: (2 * tp) / (2 * tp + fp + fn),
  };
}

const credited = (concepts: readonly { id: string; status: string }[]) =>
  concepts.filter((c) => c.status === 'met' || c.status === 'partial').map((c) => c.id);

/**
 * The floor ratio (grade ÷ wink readDoc with the same pipe, on the same texts), the naive substring grader's
 * speed beside rubricate's, and both graders' agreement with the marked examples.
 */
export function speedSection(
  { api }: Library,
  corpus: readonly CorpusEntry[],
  nlp: WinkMethods,
  options: MeasureOptions,
): SectionResult {
  const compiled = new Map<Rubric, CompiledRubric>();
  const naive = new Map<Rubric, NaiveRubric>();
  for (const { rubric } of corpus) {
    if (!compiled.has(rubric)) compiled.set(rubric, api.compileRubric(rubric));
    if (!naive.has(rubric)) naive.set(rubric, compileNaive(rubric));
  }
  const tokens = corpus.reduce((n, e) => n + nlp.readDoc(e.answer).tokens().length(), 0);
  const rounds = measure(
    {
      readDoc: () => {
        for (const e of corpus) nlp.readDoc(e.answer);
      },
      grade: () => {
        for (const e of corpus) api.grade(compiled.get(e.rubric) as CompiledRubric, e.answer);
      },
      naive: () => {
        for (const e of corpus) naiveGrade(naive.get(e.rubric) as NaiveRubric, e.answer);
      },
    },
    options,
  );
  const perToken = (task: string) => (timeOf(rounds, task) * 1000) / tokens;
  const marked = corpus.filter((e) => e.score !== undefined);
  const ours = agreement(marked, (e) => {
    const report = api.grade(compiled.get(e.rubric) as CompiledRubric, e.answer);
    return { score: report.score, credited: credited(report.concepts) };
  });
  const theirs = agreement(marked, (e) => {
    const result = naiveGrade(naive.get(e.rubric) as NaiveRubric, e.answer);
    return { score: result.score, credited: credited(result.concepts) };
  });
  const floor = ratioOf(rounds, 'grade', 'readDoc');
  const section = 'speed';
  const corpusText = `${corpus.length} answers, ${fmt(tokens)} tokens`;
  const agreeText = (a: Agreement) =>
    `exact ${fmt(a.exact * 100)}%, MAE ${fmt(a.meanAbsError)}, concept F1 ${fmt(a.conceptF1)}`;
  return {
    rows: [
      {
        section,
        measure: `wink readDoc alone (the floor), ${corpusText}`,
        value: `${fmt(perToken('readDoc'))} µs/token`,
      },
      { section, measure: 'rubricate grade, same corpus', value: `${fmt(perToken('grade'))} µs/token` },
      checked(section, 'floor ratio: grade ÷ readDoc', floor, '×', '≤', 1.5),
      {
        section,
        measure: 'naive substring grader, same corpus',
        value: `${fmt(perToken('naive'))} µs/token (grade ÷ naive ${fmt(ratioOf(rounds, 'grade', 'naive'))}×)`,
      },
      { section, measure: `rubricate vs ${marked.length} marked examples`, value: agreeText(ours) },
      { section, measure: `naive vs ${marked.length} marked examples`, value: agreeText(theirs) },
    ],
    data: {
      answers: corpus.length,
      tokens,
      rounds,
      floorRatio: floor,
      agreement: { rubricate: ours, naive: theirs },
    },
  };
}
