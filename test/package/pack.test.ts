import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the package as `npm publish` would and uses the tarball from a fresh consumer project, from ESM and
// CJS. Installing works offline: the tarball is extracted into the consumer's node_modules and the runtime
// dependencies are symlinked from this repository's node_modules (what `npm install <tgz>` would fetch).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TIMEOUT = 120_000;

const ANSWER = 'We track deployment frequency, lead time for changes and mean time to recovery.';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

interface Consumed {
  score: number;
  /** Whether a caught error was an instance of the class imported from rubricate (errors.mjs, errors.cjs). */
  instance?: boolean;
  maxScore: number;
  resolved: string;
  /** Whether the language model was loaded after the import, then after the first grade (lazy.mjs, lazy.cjs). */
  modelLoaded?: [boolean, boolean];
}

let work = '';
let consumer = '';
let tarball = '';
let packed: string[] = [];

/** Run node on a consumer script; return what it printed, failing with its stderr when it exits non-zero. */
function runConsumer(script: string): Consumed {
  const result = spawnSync(process.execPath, [script], { cwd: consumer, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`${script} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Consumed;
}

/** Bundle `entry` (resolved from the consumer, as its own imports are) with esbuild, quietly; what it read. */
async function bundleFrom(entry: string, options: BuildOptions): Promise<Metafile> {
  const { metafile } = await build({
    ...options,
    entryPoints: [join(consumer, entry)],
    absWorkingDir: consumer,
    bundle: true,
    metafile: true,
    logLevel: 'silent',
  });
  return metafile;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before vitest');
  }
  work = mkdtempSync(join(tmpdir(), 'rubricate-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  const [result] = JSON.parse(out) as PackResult[];
  if (!result) throw new Error(`npm pack printed no result: ${out}`);
  tarball = join(work, result.filename);
  packed = result.files.map((f) => f.path).sort();

  consumer = join(work, 'consumer');
  const modules = join(consumer, 'node_modules');
  mkdirSync(modules, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  execFileSync('tar', ['-xzf', tarball, '-C', modules]);
  renameSync(join(modules, 'package'), join(modules, 'rubricate'));

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const target = join(ROOT, 'node_modules', dep);
    if (!existsSync(target)) throw new Error(`dependency ${dep} is not installed: run npm ci`);
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(target, join(modules, dep), 'junction');
  }

  writeFileSync(
    join(consumer, 'esm.mjs'),
    `import { grade, parseRubric, loadRubric } from 'rubricate';
if (typeof parseRubric !== 'function') throw new Error('parseRubric is not exported');
const rubric = await loadRubric('devops/kpis');
const report = grade(rubric, ${JSON.stringify(ANSWER)});
console.log(JSON.stringify({ score: report.score, maxScore: report.maxScore, resolved: import.meta.resolve('rubricate') }));
`,
  );
  writeFileSync(
    join(consumer, 'cjs.cjs'),
    `const { grade, parseRubric, loadRubric } = require('rubricate');
if (typeof parseRubric !== 'function') throw new Error('parseRubric is not exported');
loadRubric('devops/kpis').then((rubric) => {
  const report = grade(rubric, ${JSON.stringify(ANSWER)});
  console.log(JSON.stringify({ score: report.score, maxScore: report.maxScore, resolved: require.resolve('rubricate') }));
});
`,
  );
  writeFileSync(
    join(consumer, 'rubrics.cjs'),
    `const { grade } = require('rubricate');
const { bundledRubric } = require('rubricate/rubrics');
const report = grade(bundledRubric('devops/kpis'), ${JSON.stringify(ANSWER)});
console.log(JSON.stringify({ score: report.score, maxScore: report.maxScore, resolved: require.resolve('rubricate/rubrics') }));
`,
  );
  // The isomorphic builds loaded as files by a host that runs ES modules without a bundler (as Deno or Bun may).
  writeFileSync(
    join(consumer, 'isomorphic.mjs'),
    `const dist = new URL('./node_modules/rubricate/dist/', import.meta.url);
const { bundledRubric } = await import(new URL('rubrics.js', dist));
const reports = [];
for (const file of ['index.js', 'node-bundled.js']) {
  const { grade } = await import(new URL(file, dist));
  const { score, maxScore } = grade(bundledRubric('devops/kpis'), ${JSON.stringify(ANSWER)});
  reports.push({ score, maxScore });
}
if (JSON.stringify(reports[0]) !== JSON.stringify(reports[1])) throw new Error('the two builds disagree: ' + JSON.stringify(reports));
console.log(JSON.stringify({ ...reports[0], resolved: 'isomorphic' }));
`,
  );
  // What a browser app would write; bundled for the browser below, then run.
  writeFileSync(
    join(consumer, 'app.mjs'),
    `import { grade } from 'rubricate';
import { bundledRubric } from 'rubricate/rubrics';
const report = grade(bundledRubric('devops/kpis'), ${JSON.stringify(ANSWER)});
console.log(JSON.stringify({ score: report.score, maxScore: report.maxScore, resolved: 'bundle' }));
`,
  );
}, TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it(
    'ships the builds, their types, the CLI and the bundled rubrics',
    () => {
      expect(packed).toEqual(
        expect.arrayContaining([
          'package.json',
          'dist/index.js',
          'dist/index.cjs',
          'dist/index.d.ts',
          'dist/index.d.cts',
          'dist/node.js',
          'dist/node.cjs',
          'dist/node.d.ts',
          'dist/node.d.cts',
          'dist/rubrics.js',
          'dist/rubrics.cjs',
          'dist/cli.js',
          'rubrics/devops/kpis.yaml',
          'rubrics/rubric.schema.json',
        ]),
      );
    },
    TIMEOUT,
  );

  it(
    'ships no tests, evaluation code, scratch files or datasets',
    () => {
      const unwanted = packed.filter((path) =>
        /^(test|tests|eval|scratch|datasets?|src|scripts|bench|coverage|test-output)\/|(^|\/)datasets?\b|\.test\.|\.tgz$/i.test(
          path,
        ),
      );
      expect(unwanted).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'lists the same files in the tarball as npm reported',
    () => {
      const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line !== '' && !line.endsWith('/'))
        .map((line) => line.replace(/^package\//, ''))
        .sort();
      expect(listed).toEqual(packed);
    },
    TIMEOUT,
  );

  it(
    'grades a bundled rubric from an ESM consumer',
    () => {
      const esm = runConsumer('esm.mjs');
      expect(fileURLToPath(esm.resolved)).toBe(join(consumer, 'node_modules/rubricate/dist/node.js'));
      expect([esm.score, esm.maxScore]).toEqual([3, 3]);
    },
    TIMEOUT,
  );

  it(
    'grades a bundled rubric from a CJS consumer, with the same score as ESM',
    () => {
      const cjs = runConsumer('cjs.cjs');
      expect(cjs.resolved).toBe(join(consumer, 'node_modules/rubricate/dist/node.cjs'));
      expect([cjs.score, cjs.maxScore]).toEqual([3, 3]);
      expect(cjs.score).toBe(runConsumer('esm.mjs').score);
    },
    TIMEOUT,
  );

  it(
    'loads the isomorphic builds, which bundle the language model, in plain Node without a bundler',
    () => {
      const isomorphic = runConsumer('isomorphic.mjs');
      expect([isomorphic.score, isomorphic.maxScore]).toEqual([3, 3]);
    },
    TIMEOUT,
  );

  it(
    'serves the bundled rubrics as data from rubricate/rubrics',
    () => {
      const data = runConsumer('rubrics.cjs');
      expect(data.resolved).toBe(join(consumer, 'node_modules/rubricate/dist/rubrics.cjs'));
      expect([data.score, data.maxScore]).toEqual([3, 3]);
    },
    TIMEOUT,
  );

  it(
    'bundles for the browser with no Node built-in, and the bundle grades as Node does',
    async () => {
      const metafile = await bundleFrom('app.mjs', {
        platform: 'browser',
        format: 'esm',
        minify: true,
        outfile: join(consumer, 'bundle.mjs'),
      });
      const inputs = Object.keys(metafile.inputs);
      expect(inputs.filter((path) => /^node:|node_modules\/rubricate\/dist\/node\./.test(path))).toEqual([]);
      expect(inputs).toContain('node_modules/rubricate/dist/index.js');
      const bundled = runConsumer('bundle.mjs');
      expect([bundled.score, bundled.maxScore]).toEqual([3, 3]);
    },
    TIMEOUT,
  );

  it(
    'grades a batch in worker threads from the installed package, from ESM and CJS',
    () => {
      // The pool must find dist/batchWorker.js beside the installed module that starts it.
      const rows = JSON.stringify([{ answer: ANSWER }, { answer: 'We use Docker.' }]);
      const loop = `const scores = [];
  for await (const r of gradeBatch(${rows}, { rubric: 'devops/kpis', workers: 2 })) scores.push(r.error ?? r.score);
  console.log(JSON.stringify(scores));`;
      writeFileSync(join(consumer, 'batch.mjs'), `import { gradeBatch } from 'rubricate';\n${loop}\n`);
      writeFileSync(
        join(consumer, 'batch.cjs'),
        `const { gradeBatch } = require('rubricate');\n(async () => {\n${loop}\n})();\n`,
      );
      for (const script of ['batch.mjs', 'batch.cjs']) {
        const run = spawnSync(process.execPath, [script], {
          cwd: consumer,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('[3,0]\n');
      }
    },
    TIMEOUT,
  );

  it(
    'starts batch workers without the rubric validator: a worker loads the grading code, not zod or yaml',
    async () => {
      // Every import a worker can reach, dynamic ones included, as esbuild follows them from the worker's file.
      const metafile = await bundleFrom('node_modules/rubricate/dist/batchWorker.js', {
        platform: 'node',
        format: 'esm',
        write: false,
      });
      const packages = new Set(
        Object.keys(metafile.inputs).map((path) => /node_modules\/([^/]+)\//.exec(path)?.[1]),
      );
      expect(packages).toContain('wink-nlp');
      expect(packages).not.toContain('zod');
      expect(packages).not.toContain('yaml');
    },
    TIMEOUT,
  );

  it(
    'loads the language model in Node on the first grade, not on import (from ESM and CJS)',
    () => {
      const probe = (load: string) => `${load}
const loaded = () => Object.keys(require.cache).some((path) => path.includes('wink-eng-lite-web-model'));
const imported = loaded();
const rubric = bundledRubric('devops/kpis');
const { score, maxScore } = grade(rubric, ${JSON.stringify(ANSWER)});
console.log(JSON.stringify({ score, maxScore, resolved: 'lazy', modelLoaded: [imported, loaded()] }));
`;
      writeFileSync(
        join(consumer, 'lazy.mjs'),
        probe(`import { createRequire } from 'node:module';
import { grade } from 'rubricate';
import { bundledRubric } from 'rubricate/rubrics';
const require = createRequire(import.meta.url);`),
      );
      writeFileSync(
        join(consumer, 'lazy.cjs'),
        probe(`const { grade } = require('rubricate');
const { bundledRubric } = require('rubricate/rubrics');`),
      );
      for (const script of ['lazy.mjs', 'lazy.cjs']) {
        const run = runConsumer(script);
        expect([run.score, run.maxScore]).toEqual([3, 3]);
        expect(run.modelLoaded).toEqual([false, true]);
      }
    },
    TIMEOUT,
  );

  it(
    'bundles for Node with the language model inside: the bundle grades with no node_modules beside it',
    async () => {
      // Node loads the model on the first grade; a bundler takes the `module` condition, whose entry imports it.
      const alone = join(work, 'bundled-node-app');
      mkdirSync(alone, { recursive: true });
      await bundleFrom('app.mjs', { platform: 'node', format: 'cjs', outfile: join(alone, 'app.cjs') });
      const run = spawnSync(process.execPath, ['app.cjs'], { cwd: alone, encoding: 'utf8', timeout: 30_000 });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ score: 3, maxScore: 3 });
    },
    TIMEOUT,
  );

  it(
    'throws one InputError class from every entry: instanceof holds across rubricate and rubricate/rubrics, ESM and CJS',
    () => {
      const check = `try { bundledRubric('nope/x'); } catch (e) {
  console.log(JSON.stringify({ score: 0, maxScore: 0, resolved: String(e.code), instance: e instanceof InputError }));
}`;
      writeFileSync(
        join(consumer, 'errors.mjs'),
        `import { InputError } from 'rubricate';\nimport { bundledRubric } from 'rubricate/rubrics';\n${check}\n`,
      );
      writeFileSync(
        join(consumer, 'errors.cjs'),
        `const { InputError } = require('rubricate');\nconst { bundledRubric } = require('rubricate/rubrics');\n${check}\n`,
      );
      for (const script of ['errors.mjs', 'errors.cjs']) {
        expect(runConsumer(script)).toEqual({
          score: 0,
          maxScore: 0,
          resolved: 'unknown-rubric',
          instance: true,
        });
      }
    },
    TIMEOUT,
  );

  it(
    'serves the Node API from rubricate/node too, the same module as rubricate in Node',
    () => {
      writeFileSync(
        join(consumer, 'node-entry.mjs'),
        `import * as root from 'rubricate';
import * as node from 'rubricate/node';
const same = Object.keys(root).length === Object.keys(node).length && Object.keys(root).every((k) => root[k] === node[k]);
console.log(JSON.stringify({ score: same ? 1 : 0, maxScore: 1, resolved: import.meta.resolve('rubricate/node') }));
`,
      );
      const run = runConsumer('node-entry.mjs');
      expect(fileURLToPath(run.resolved)).toBe(join(consumer, 'node_modules/rubricate/dist/node.js'));
      expect(run.score).toBe(1);
    },
    TIMEOUT,
  );

  it.each([
    ['node16, ESM', { module: 'node16', moduleResolution: 'node16' }, 'mts'],
    ['node16, CJS', { module: 'node16', moduleResolution: 'node16' }, 'cts'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'ts'],
    [
      'node10',
      { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, ignoreDeprecations: '6.0' },
      'ts',
    ],
  ])(
    'type-checks a consumer of the README API under moduleResolution %s (strict, exactOptionalPropertyTypes)',
    (name, options, extension) => {
      const folder = join(work, `types-${name.replace(/\W+/g, '-')}`);
      mkdirSync(folder, { recursive: true });
      symlinkSync(join(consumer, 'node_modules'), join(folder, 'node_modules'), 'junction');
      // The Node API comes from rubricate/node, which every resolution maps to the Node types; under `bundler`,
      // rubricate itself maps to the isomorphic build's types.
      writeFileSync(
        join(folder, `consumer.${extension}`),
        `import { compileRubric, grade, InputError, parseRubric, RubricError, type GradeReport } from 'rubricate';
import { gradeBatch, loadRubric, type BatchResult } from 'rubricate/node';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from 'rubricate/rubrics';
const compiled = compileRubric(bundledRubric(BUNDLED_RUBRIC_IDS[0] ?? 'devops/kpis'));
const report: GradeReport = grade(compiled, 'We track lead time.');
const score: number = report.score;
export async function run(): Promise<number> {
  const rubric = await loadRubric('devops/kpis');
  const results: BatchResult[] = [];
  for await (const result of gradeBatch([{ answer: 'x' }], { rubric, workers: 1 })) results.push(result);
  try {
    parseRubric('id: x', { filename: 'x.yaml' });
  } catch (error) {
    if (error instanceof RubricError) return error.issues.length;
    if (error instanceof InputError) return error.code.length;
  }
  return score + results.length;
}
`,
      );
      writeFileSync(
        join(folder, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...options,
            target: 'es2022',
            strict: true,
            exactOptionalPropertyTypes: true,
            noEmit: true,
            types: ['node'],
            typeRoots: [join(ROOT, 'node_modules/@types')],
          },
          files: [`consumer.${extension}`],
        }),
      );
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', folder], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'runs the installed CLI against a bundled rubric',
    () => {
      const cli = join(consumer, 'node_modules/rubricate/dist/cli.js');
      const run = spawnSync(
        process.execPath,
        [cli, 'grade', 'devops/kpis', '--text', ANSWER, '--format', 'json'],
        {
          cwd: consumer,
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { score: number }).score).toBe(3);
      expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    },
    TIMEOUT,
  );
});
