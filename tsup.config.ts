import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      node: 'src/node.ts',
      'node-bundled': 'src/nodeBundled.ts',
      rubrics: 'src/rubrics.ts',
    },
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
    // Bundling the small dependencies, minified, saves the CLI ~100 ms of module loading and parsing per start
    // (docs/PERFORMANCE.md); their CommonJS parts need `require`. wink-nlp and its model stay external.
    noExternal: ['double-metaphone', 'zod', 'yaml', 'commander', 'picocolors', 'string-similarity'],
    minify: true,
    keepNames: true,
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as bundledRequire } from 'node:module';\nconst require = bundledRequire(import.meta.url);",
    },
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
