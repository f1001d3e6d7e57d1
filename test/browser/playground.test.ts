import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, RUN_BROWSER_TESTS } from './chromium.js';
import { readHighlights } from './readHighlights.js';
import { type StaticServer, serveStatic } from './serveStatic.js';

// The playground as a user gets it: built to a static folder (as `npm run playground:build` does), served over
// HTTP, driven in headless Chromium. docs/playground.png is a copy of test-output/playground.png.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = join(ROOT, 'test-output');

const ANSWER =
  'We deploy often and track the lead time for changes and MTTR. We never measured the change failure rate. ' +
  'Management also counts lines of code per developer.';

const INVALID_RUBRIC = `id: team/kpis
title: Team KPIs
concepts:
  - id: deploys
    label: Deployment frequency
    match: ["(deployment frequency"]
`;

let dist = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let pageErrors: string[] = [];

/** Waits until the highlighted answer shows `answer`: the debounced grading of the latest input has run. */
async function graded(answer: string): Promise<void> {
  await page.waitForFunction((text) => document.getElementById('highlighted')?.textContent === text, answer);
}

describe.skipIf(!RUN_BROWSER_TESTS)('the playground', () => {
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'rubricate-playground-'));
    mkdirSync(OUTPUT, { recursive: true });
    await build({
      configFile: join(ROOT, 'playground/vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { outDir: dist, emptyOutDir: true },
    });
    server = await serveStatic(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  beforeEach(async () => {
    if (!browser || !server) throw new Error('the playground was not built and served');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
  });

  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('grades the answer as it is typed, highlighting the evidence of each concept with its status', async () => {
    await page.getByLabel('Bundled rubric').selectOption('devops/kpis');
    await page.getByLabel('Your answer').pressSequentially(ANSWER);
    await graded(ANSWER);

    const highlights = await readHighlights(page, '#highlighted');
    expect(highlights.map(({ owner, status, text }) => ({ owner, status, text }))).toEqual([
      { owner: 'deployment-frequency', status: 'partial', text: 'deploy often' },
      { owner: 'lead-time', status: 'met', text: 'lead time for changes' },
      { owner: 'mttr', status: 'met', text: 'MTTR' },
      { owner: 'change-failure-rate', status: 'negated', text: 'change failure rate' },
      { owner: 'misconception:lines-of-code', status: 'misconception', text: 'lines of code' },
    ]);
    for (const { start, end, text } of highlights) expect(ANSWER.slice(start, end)).toBe(text);
    await expect(page.locator('mark[data-concept="mttr"]').getAttribute('title')).resolves.toBe(
      'Mean time to recovery (MTTR) (met)',
    );
    expect(await page.locator('#score').textContent()).toBe('Score 1.5 / 3 · Weak · ✗ Not passed');
    expect(await page.locator('#concepts .status').allTextContents()).toEqual([
      'Partial:',
      'Met:',
      'Met:',
      'Negated:',
    ]);
    expect(await page.locator('#misconceptions li').allTextContents()).toEqual([
      expect.stringContaining('Lines of code as a KPI −1 pts'),
    ]);
    expect(await page.locator('#feedback li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUTPUT, 'playground.png') });
  });

  it('offers the report it shows for download as JSON and as an HTML page', async () => {
    await page.getByLabel('Your answer').fill(ANSWER);
    await graded(ANSWER);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the report as JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('devops-kpis-report.json');
    const report = JSON.parse(readFileSync(await json.path(), 'utf8')) as { answer: string; score: number };
    expect([report.answer, report.score]).toEqual([ANSWER, 1.5]);

    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the report as HTML' }).click(),
    ]);
    expect(html.suggestedFilename()).toBe('devops-kpis-report.html');
    expect(readFileSync(await html.path(), 'utf8')).toContain(
      'data-concept="lead-time" data-status="met" title="Lead time for changes (met)">lead time for changes</mark>',
    );
  });

  it('shows each problem of an edited rubric with its path inside the file, and grades once it is fixed', async () => {
    await page.getByLabel('Your answer').fill('Our deployment frequency is high.');
    await page.getByText('Edit the rubric (YAML)').click();
    await page.getByLabel('Rubric YAML').fill(INVALID_RUBRIC);

    const issues = page.locator('#rubric-issues li');
    await issues.first().waitFor();
    expect(await issues.allTextContents()).toEqual([
      expect.stringMatching(/^concepts\[0\]\.match\[0\]: unclosed "\("/),
    ]);
    expect(await page.getByLabel('Bundled rubric').inputValue()).toBe('custom');
    expect(await page.locator('#score').textContent()).toBe('Fix the rubric to grade the answer.');
    expect(await page.getByRole('link', { name: 'Download the report as JSON' }).count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'playground-invalid-rubric.png') });

    await page.getByLabel('Rubric YAML').fill(INVALID_RUBRIC.replace('"(deployment', '"deployment'));
    await page.locator('#rubric-issues:empty').waitFor({ state: 'attached' });
    await page.waitForFunction(() =>
      document.getElementById('score')?.textContent?.startsWith('Score 1 / 1'),
    );
    expect(await readHighlights(page, '#highlighted')).toMatchObject([
      { owner: 'deploys', text: 'deployment frequency' },
    ]);
  });

  it('keeps a bundled rubric picked right after an edit of the YAML (the pending edit is dropped)', async () => {
    await page.getByText('Edit the rubric (YAML)').click();
    await page.getByLabel('Rubric YAML').fill(INVALID_RUBRIC);
    await page.getByLabel('Bundled rubric').selectOption('devops/environments');
    // Longer than the editor's 250 ms pause: an edit still pending would have run by now.
    await page.waitForTimeout(600);
    expect(await page.getByLabel('Bundled rubric').inputValue()).toBe('devops/environments');
    expect(await page.locator('#rubric-issues li').count()).toBe(0);
    expect(await page.getByLabel('Rubric YAML').inputValue()).toContain('id: devops/environments');
  });

  it('works from the keyboard alone: picker, rubric editor, answer and downloads in reading order', async () => {
    const focused = async (): Promise<string> => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => {
        const element = document.activeElement;
        return element?.id || element?.tagName.toLowerCase() || '';
      });
    };
    expect(await focused()).toBe('rubric');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#question').textContent()).not.toBe('Name three important DevOps KPIs.');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#question').textContent()).toBe('Name three important DevOps KPIs.');

    expect(await focused()).toBe('summary');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('rubric-yaml');
    expect(await focused()).toBe('answer');
    await page.keyboard.type('MTTR and lead time.');
    await graded('MTTR and lead time.');
    expect(await page.locator('#score').textContent()).toMatch(/^Score 2 \/ 3 /);
    expect(await focused()).toBe('download-json');
    expect(await focused()).toBe('download-html');
  });
});
