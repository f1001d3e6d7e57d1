// The Node entry of `rubricate` (the `node` export condition): the isomorphic API plus what needs the file
// system or worker threads.
export * from './index.js';
export { type BundledRubric, bundledRubrics, loadRubric } from './rubric/loadRubric.js';
