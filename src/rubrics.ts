// The `rubricate/rubrics` entry: the bundled rubrics as data, for browsers and bundlers (no file system).
export { BUNDLED_RUBRIC_IDS, bundledRubric } from './rubrics/bundledRubric.js';
