import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', rubrics: 'src/rubrics.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    // double-metaphone ships ESM only; bundle it so the CJS build needs no require(esm).
    noExternal: ['double-metaphone'],
    sourcemap: true,
    clean: true,
    shims: true,
    target: 'node20',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    noExternal: ['double-metaphone'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    target: 'node20',
  },
  {
    // The batch worker thread, its own file beside every module that starts a pool (src/batch/chunkGrader.ts).
    entry: { batchWorker: 'src/batch/batchWorker.ts' },
    format: ['esm'],
    noExternal: ['double-metaphone'],
    sourcemap: true,
    target: 'node20',
  },
]);
