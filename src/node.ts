// The Node entry of `rubricate` (the `node` export condition): the isomorphic API plus what needs the file
// system or worker threads.

export * from './api.js';
export type { BatchFailed, BatchGraded, BatchResult, BatchRow } from './batch/batchResult.js';
export { BATCH_CSV_COLUMNS, BATCH_CSV_HEADER, batchResultToCsv } from './batch/batchResultToCsv.js';
export { batchResultToJsonl } from './batch/batchResultToJsonl.js';
export { gradeBatch } from './batch/gradeBatch.js';
export type { BatchOptions } from './batch/gradeRecords.js';
export { type BundledRubric, bundledRubrics, loadRubric } from './rubric/loadRubric.js';
