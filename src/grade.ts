import { type GradeOptions, gradeCompiled } from './gradeCompiled.js';
import type { GradeReport } from './report/types.js';
import type { CompiledRubric } from './rubric/compileParsed.js';
import { compileRubric } from './rubric/compileRubric.js';
import type { Rubric, RubricInput } from './rubric/schema.js';

export { type GradeOptions, MAX_ANSWER_LENGTH, MAX_MATCH_STATES } from './gradeCompiled.js';

/**
 * Grade one answer against a rubric (a parsed rubric, a rubric object, or a compiled rubric) and return
 * the coverage report: concept statuses with evidence offsets, score, band, pass, feedback and flags.
 * Synchronous and deterministic (apart from `meta.durationMs`).
 * @example
 * const report = grade(await loadRubric('devops/kpis'), 'We track deployment frequency and MTTR.');
 * report.concepts.filter((c) => c.status === 'met').map((c) => c.id); // ['deployment-frequency', 'mttr']
 */
export function grade(
  rubric: Rubric | RubricInput | CompiledRubric,
  answer: string,
  options: GradeOptions = {},
): GradeReport {
  const started = performance.now();
  return gradeCompiled(compileRubric(rubric), answer, options, started);
}
