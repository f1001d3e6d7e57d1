// The isomorphic entry of `rubricate`: no Node built-ins, so it bundles for browsers. Node's entry is src/node.ts.
// A browser cannot load wink's model on demand, so this entry bundles it and hands it to analysis; Node's entry
// leaves it to be required on first use (importing rubricate then takes ≈ 50 ms and 23 MB less). package.json lists
// this module as having side effects, so that bundlers keep the hand-over.
import { useBundledModel } from './text/bundledModel.js';

useBundledModel();

export * from './api.js';
