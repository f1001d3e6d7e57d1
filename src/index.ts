// The isomorphic entry of `rubricate`: no Node built-ins, so it bundles for browsers. Node adds src/node.ts.
export { InputError, type InputErrorCode, RubricError, type RubricIssue } from './errors.js';
export { type GradeOptions, grade, MAX_ANSWER_LENGTH } from './grade.js';
export { REPORT_FORMATS, type ReportFormat, renderReport } from './report/renderReport.js';
export type { TextOptions } from './report/renderText.js';
export type {
  Band,
  ConceptResult,
  ConceptStatus,
  Evidence,
  Flag,
  GradeReport,
  GroupResult,
  MisconceptionResult,
  Via,
} from './report/types.js';
export { type CheckResult, checkRubric, type ExampleMismatch } from './rubric/checkRubric.js';
export { type CompiledRubric, compileRubric, isCompiledRubric } from './rubric/compileRubric.js';
export {
  type ParseRubricOptions,
  parseRubric,
  type SafeParseRubricResult,
  safeParseRubric,
} from './rubric/parseRubric.js';
export type { Concept, Example, Group, Misconception, Rubric, RubricInput } from './rubric/schema.js';
export { RubricSchema } from './rubric/schema.js';
export { VERSION } from './version.js';
