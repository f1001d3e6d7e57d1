// The API both entries export (src/index.ts for any runtime, src/node.ts for Node), with no Node built-ins.
export {
  type CalibrateOptions,
  type Calibration,
  type ConceptAgreement,
  calibrate,
  type Disagreement,
} from './calibrate/calibrate.js';
export type { MarkedAnswer, SkippedRow } from './calibrate/checkMarked.js';
export { type CalibrationFormat, renderCalibration } from './calibrate/renderCalibration.js';
export { type DraftedRubric, type DraftOptions, draftRubric } from './draft/draftRubric.js';
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
export type { NearestConcept } from './suggest/nearestConcept.js';
export { renderSuggestions, type SuggestionsFormat } from './suggest/renderSuggestions.js';
export {
  type AliasSuggestion,
  type AliasSuggestions,
  type SuggestOptions,
  suggestAliases,
} from './suggest/suggestAliases.js';
export { VERSION } from './version.js';
