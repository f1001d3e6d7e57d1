// The Node entry for bundlers (package.json's `module` condition, which bundlers match and Node does not): the Node
// API with wink's model imported, so that a bundle carries the model. Node itself loads src/node.ts, which requires
// the model on the first grade instead.
import { useBundledModel } from './text/bundledModel.js';

useBundledModel();

export * from './node.js';
