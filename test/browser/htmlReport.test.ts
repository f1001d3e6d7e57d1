import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grade, renderReport } from '../../src/index.js';
import { bundledRubric } from '../../src/rubrics.js';
import { launchChromium, RUN_BROWSER_TESTS } from './chromium.js';
import { readHighlights } from './readHighlights.js';

// An HTML report opened in headless Chromium, for an answer that tries to inject markup. The report is
// served from a made-up origin through request interception, so every request the page makes is seen.
// docs/html-report.png is a copy of test-output/html-report.png.
const OUTPUT = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'test-output');
const REPORT_URL = 'http://report.test/report.html';

const ANSWER =
  'We track deployment frequency and MTTR. <script>window.__pwned = "script"; document.title = "pwned"</script>\n' +
  'Lead time for changes matters too; we never measured the change failure rate.\n' +
  "<img src=x onerror=\"window.__pwned='img';document.title='pwned'\"> Management counts lines of code.\n" +
  '<svg/onload="window.__pwned=\'svg\'"> </p></mark><script>alert(1)</script>';

const report = grade(bundledRubric('devops/kpis'), ANSWER);

let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];
const problems: string[] = [];

describe.skipIf(!RUN_BROWSER_TESTS)('an HTML report in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => problems.push(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    await page.route('**', (route) =>
      route.request().url() === REPORT_URL
        ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: renderReport(report, 'html') })
        : route.abort(),
    );
    await page.goto(REPORT_URL, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('highlights the evidence of each met concept at its place in the answer', async () => {
    const met = report.concepts.filter((concept) => concept.status === 'met');
    expect(met.map((concept) => concept.id)).toEqual(['deployment-frequency', 'lead-time', 'mttr']);
    const highlights = await readHighlights(page, 'p.answer');
    for (const concept of met) {
      expect(highlights.filter((highlight) => highlight.owner === concept.id)).toEqual(
        concept.evidence.map(({ start, end, text }) => ({
          owner: concept.id,
          status: 'met',
          start,
          end,
          text,
        })),
      );
    }
    expect(highlights.map((highlight) => highlight.text)).toEqual([
      'deployment frequency',
      'MTTR',
      'Lead time for changes',
      'change failure rate',
      'lines of code',
    ]);
    await page.screenshot({ path: join(OUTPUT, 'html-report.png'), fullPage: true });
  });

  it('shows markup in the answer as text and runs none of it', async () => {
    expect(await page.locator('p.answer').textContent()).toBe(ANSWER);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.title()).toBe('Three important DevOps KPIs');
    expect(await page.locator('body script, body img, body svg').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('makes no network request beyond the page itself', () => {
    expect(requests).toEqual([REPORT_URL]);
  });
});
