import type { Rubric } from '../../src/rubric/schema.js';
import { generateRubric, vocabulary } from '../generateRubric.js';
import type { Library } from '../library.js';
import { type MeasureOptions, measure, median, timeOf } from '../measure.js';
import { fmt, type Row } from '../table.js';
import type { SectionResult } from './speed.js';

/**
 * Time to compile (validate, then build the automata) each bundled rubric and a generated 1,000-concept one:
 * first in the process (pattern words analysed for the first time), then again (word forms cached).
 * A shallow copy defeats the per-object cache of compileRubric without cloning inside the timing.
 */
export function compileSection(
  { api }: Library,
  rubrics: readonly Rubric[],
  options: MeasureOptions,
): SectionResult {
  const big = api.parseRubric(generateRubric(1_000, vocabulary(rubrics)));
  const inputs = [...rubrics, big];
  const first = inputs.map((rubric) => {
    const started = performance.now();
    api.compileRubric({ ...rubric });
    return performance.now() - started;
  });
  const tasks: Record<string, () => unknown> = {};
  for (const rubric of inputs) tasks[rubric.id] = () => api.compileRubric({ ...rubric });
  const rounds = measure(tasks, options);
  const again = inputs.map((r) => timeOf(rounds, r.id));
  const bundled = again.slice(0, -1);
  const slowest = bundled.indexOf(Math.max(...bundled));
  const rows: Row[] = [
    {
      section: 'compile',
      measure: `a bundled rubric (${rubrics.length}), first time in the process`,
      value: `median ${fmt(median(first.slice(0, -1)))} ms, max ${fmt(Math.max(...first.slice(0, -1)))} ms`,
    },
    {
      section: 'compile',
      measure: 'a bundled rubric, again',
      value: `median ${fmt(median(bundled))} ms, max ${fmt(bundled[slowest] as number)} ms (${rubrics[slowest]?.id})`,
    },
    {
      section: 'compile',
      measure: `1,000-concept rubric (${fmt(api.compileRubric(big).patterns.patterns.length)} patterns)`,
      value: `${fmt(first.at(-1) as number)} ms first, ${fmt(again.at(-1) as number)} ms again`,
    },
  ];
  return {
    rows,
    data: { ids: inputs.map((r) => r.id), firstMs: first, againMs: again, rounds },
  };
}
