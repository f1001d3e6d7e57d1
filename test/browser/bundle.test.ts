import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRubric, type GradeReport, grade } from '../../src/index.js';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from '../../src/rubrics.js';
import { launchChromium, RUN_BROWSER_TESTS } from './chromium.js';
import { type StaticServer, serveStatic } from './serveStatic.js';

// The main entry bundled for the browser by esbuild, as an app's bundler would, and run in headless Chromium.
// Its size and timings go to test-output/browser-performance.json, which docs/PERFORMANCE.md quotes; nothing
// here asserts a duration.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = join(ROOT, 'test-output');

/** Every marked example answer of every bundled rubric. */
const CASES = BUNDLED_RUBRIC_IDS.map((id) => {
  const rubric = bundledRubric(id);
  return { rubric, answers: rubric.examples.map((example) => example.answer) };
});

/**
 * The page: imports the bundle, grades the first answer (this loads the language model), then grades every
 * answer against its compiled rubric, timing each call; the results land on `window.results`.
 */
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>rubricate in the browser</title>
<script type="module">
const cases = await (await fetch('./cases.json')).json();
const started = performance.now();
const { compileRubric, grade } = await import('./rubricate.js');
const imported = performance.now();
grade(cases[0].rubric, cases[0].answers[0]);
const firstGraded = performance.now();
const reports = [];
const times = [];
for (const { rubric, answers } of cases) {
  const compiled = compileRubric(rubric);
  for (const answer of answers) {
    const before = performance.now();
    reports.push(grade(compiled, answer));
    times.push(performance.now() - before);
  }
}
window.results = { importMs: imported - started, firstGradeMs: firstGraded - imported, reports, times };
</script>
`;

interface PageResults {
  importMs: number;
  firstGradeMs: number;
  reports: GradeReport[];
  times: number[];
}

/** A report without its duration, the one field allowed to differ between runs. */
function timeless(report: GradeReport): GradeReport {
  return { ...report, meta: { ...report.meta, durationMs: 0 } };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

let dir = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;
let bundle = { bytes: 0, gzipBytes: 0, byPackage: {} as Record<string, number>, nodeImports: [] as string[] };

/** Bytes in the bundle per npm package (`src` for rubricate's own code), largest first. */
function bytesByPackage(inputs: Record<string, { bytesInOutput: number }>): Record<string, number> {
  const totals = new Map<string, number>();
  for (const [path, input] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'src';
    totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
  }
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]));
}

describe.skipIf(!RUN_BROWSER_TESTS)('the main entry bundled for the browser', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rubricate-bundle-'));
    const result = await build({
      entryPoints: { rubricate: join(ROOT, 'src/index.ts') },
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      outdir: dir,
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs).filter((file) => file.entryPoint);
    if (!output) throw new Error('esbuild wrote no bundle');
    bundle = {
      bytes: output.bytes,
      gzipBytes: gzipSync(readFileSync(join(dir, 'rubricate.js'))).length,
      byPackage: bytesByPackage(output.inputs),
      nodeImports: Object.keys(result.metafile.inputs).filter((path) => path.startsWith('node:')),
    };
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(CASES));
    writeFileSync(join(dir, 'index.html'), PAGE);
    server = await serveStatic(dir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('needs no Node built-in', () => {
    expect(bundle.nodeImports).toEqual([]);
  });

  it('grades every bundled example in Chromium exactly as Node does', async () => {
    if (!browser || !server) throw new Error('the bundle was not built and served');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'results' in window, undefined, { timeout: 30_000 });
    const results = (await page.evaluate(
      () => (window as unknown as { results: unknown }).results,
    )) as PageResults;
    expect(errors).toEqual([]);

    const node = CASES.flatMap(({ rubric, answers }) => {
      const compiled = compileRubric(rubric);
      return answers.map((answer) => timeless(grade(compiled, answer)));
    });
    expect(results.reports.map(timeless)).toEqual(node);
    expect(results.times.length).toBeGreaterThanOrEqual(50);

    const answers = CASES.flatMap((item) => item.answers);
    const measured = {
      chromium: browser.version(),
      bundle: {
        entry: 'src/index.ts',
        minified: true,
        bytes: bundle.bytes,
        gzipBytes: bundle.gzipBytes,
        byPackage: bundle.byPackage,
      },
      importMs: round(results.importMs),
      firstGradeMs: round(results.firstGradeMs),
      loadAndFirstGradeMs: round(results.importMs + results.firstGradeMs),
      gradeMs: {
        answers: results.times.length,
        meanChars: Math.round(answers.reduce((sum, answer) => sum + answer.length, 0) / answers.length),
        median: round(median(results.times)),
        max: round(Math.max(...results.times)),
      },
    };
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'browser-performance.json'), `${JSON.stringify(measured, null, 2)}\n`);
  });
});
