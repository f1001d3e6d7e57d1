import { grade } from '../grade.js';
import type { GradeReport } from '../report/types.js';
import { compileRubric } from './compileRubric.js';
import type { Rubric, RubricInput } from './schema.js';

/** How one marked example disagrees with the grade the rubric gives it. */
export interface ExampleMismatch {
  index: number;
  answer: string;
  expectedScore: number;
  actualScore: number;
  /** Concepts the example lists that the rubric did not credit. */
  missing: string[];
  /** Concepts the rubric credited that the example does not list. */
  extra: string[];
}

/** The outcome of grading a rubric's own examples. */
export interface CheckResult {
  id: string;
  examples: number;
  mismatches: ExampleMismatch[];
  reports: GradeReport[];
}

/**
 * Grade every marked example of a rubric and list where the grade differs from the mark: a score more than
 * `tolerance` points away, or a different set of credited concepts (when the example lists them).
 */
export function checkRubric(input: Rubric | RubricInput, options: { tolerance?: number } = {}): CheckResult {
  const compiled = compileRubric(input);
  const tolerance = options.tolerance ?? 0;
  const reports: GradeReport[] = [];
  const mismatches: ExampleMismatch[] = [];
  compiled.rubric.examples.forEach((example, index) => {
    const report = grade(compiled, example.answer);
    reports.push(report);
    const credited = report.concepts
      .filter((c) => c.status === 'met' || c.status === 'partial')
      .map((c) => c.id);
    const expected = example.concepts;
    const missing = expected ? expected.filter((id) => !credited.includes(id)) : [];
    const extra = expected ? credited.filter((id) => !expected.includes(id)) : [];
    if (Math.abs(report.score - example.score) > tolerance + 1e-9 || missing.length > 0 || extra.length > 0) {
      mismatches.push({
        index,
        answer: example.answer,
        expectedScore: example.score,
        actualScore: report.score,
        missing,
        extra,
      });
    }
  });
  return { id: compiled.rubric.id, examples: compiled.rubric.examples.length, mismatches, reports };
}
