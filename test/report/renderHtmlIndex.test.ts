import { describe, expect, it } from 'vitest';
import { type HtmlIndexRow, renderHtmlIndex } from '../../src/report/renderHtmlIndex.js';
import { HOSTILE, scanHtml } from '../fixtures/reports.js';

const rows: HtmlIndexRow[] = [
  { id: 'a1', href: 'reports/a1.html', score: 3, maxScore: 3, band: 'strong', passed: true },
  { id: 'a2', href: 'reports/a2.html', score: 2.85, maxScore: 3, band: 'strong', passed: true },
  { id: 'a3', href: 'reports/a3.html', score: 1.8, maxScore: 3, band: 'adequate', passed: true },
  { id: 'a4', href: 'reports/a4.html', score: 0, maxScore: 3, band: 'insufficient', passed: false },
  { id: 'a5', href: 'reports/a5.html', score: 0, maxScore: 0, band: 'insufficient', passed: false },
  {
    id: 'a6',
    href: 'reports/a6.html',
    score: 0,
    maxScore: 3,
    band: 'weak',
    passed: false,
    error: 'answer is binary',
  },
];

/** The number in the row of a table whose header cell is `label`. */
function countFor(html: string, label: string): number {
  const match = new RegExp(
    `${label}</span></th><td class="num">(\\d+)</td>|<th scope="row">${label}</th><td class="num">(\\d+)</td>`,
  ).exec(html);
  return Number(match?.[1] ?? match?.[2] ?? Number.NaN);
}

describe('renderHtmlIndex', () => {
  it('counts graded answers per band, leaving errors out', () => {
    const html = renderHtmlIndex(rows);
    expect(countFor(html, 'Strong')).toBe(2);
    expect(countFor(html, 'Adequate')).toBe(1);
    expect(countFor(html, 'Weak')).toBe(0);
    expect(countFor(html, 'Insufficient')).toBe(2);
  });

  it('puts ratios into ten buckets, 100% in the last', () => {
    const html = renderHtmlIndex(rows);
    expect(countFor(html, '90–100%')).toBe(2);
    expect(countFor(html, '60–70%')).toBe(1);
    expect(countFor(html, '0–10%')).toBe(2);
    expect(countFor(html, '50–60%')).toBe(0);
    expect(html).toContain('<span class="bar" style="width:100%"></span>');
    expect(html).toContain('<span class="bar" style="width:50%"></span>');
  });

  it('summarises answers, passes, errors and the mean ratio', () => {
    const html = renderHtmlIndex(rows);
    expect(html).toContain('<dt>Answers</dt><dd>6</dd>');
    expect(html).toContain('<dt>Passed</dt><dd>3</dd>');
    expect(html).toContain('<dt>Errors</dt><dd>1</dd>');
    expect(html).toContain('<dt>Mean ratio</dt><dd>51%</dd>');
  });

  it('links each row to its page with score, ratio, band and result', () => {
    const html = renderHtmlIndex(rows);
    expect(html).toContain(
      '<tr><td><a href="reports/a3.html"><bdi>a3</bdi></a></td><td class="num">1.8 / 3</td><td class="num">60%</td><td><span class="band band-adequate">Adequate</span></td><td><span class="pass">✓ Passed</span></td></tr>',
    );
    expect(html).toContain('<td class="error">Error: <bdi>answer is binary</bdi></td>');
  });

  it('escapes ids, hrefs, errors and the title', () => {
    const html = renderHtmlIndex(
      [
        {
          id: HOSTILE,
          href: `a"><script>alert(1)</script>.html`,
          score: 1,
          maxScore: 2,
          band: 'weak',
          passed: false,
          error: HOSTILE,
        },
      ],
      { title: HOSTILE },
    );
    expect(html).toContain(
      '<a href="a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.html"><bdi>&lt;script&gt;',
    );
    expect(html).toContain(
      '<title>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;</title>',
    );
    expect(html).not.toMatch(/<script|<img/i);
    const tokens = scanHtml(html);
    const attributes = tokens.flatMap((token) =>
      token.kind === 'open' ? Object.keys(token.attributes) : [],
    );
    expect(attributes.filter((name) => name.startsWith('on') || name === 'src')).toEqual([]);
  });

  it('does not link hrefs with a script scheme', () => {
    const html = renderHtmlIndex(
      ['javascript:alert(1)', ' JaVa\tScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x'].map(
        (href, index) => ({
          id: `bad${index}`,
          href,
          score: 0,
          maxScore: 1,
          band: 'insufficient' as const,
          passed: false,
        }),
      ),
    );
    expect(html).not.toContain('<a ');
    expect(html).toContain('<tr><td><bdi>bad1</bdi></td>');
  });

  it('makes no external references and renders deterministically', () => {
    const html = renderHtmlIndex(rows, { title: 'Batch 7' });
    expect(html).not.toMatch(/https?:|\/\/|url\(|@import/i);
    expect(html).toContain('<h1><bdi>Batch 7</bdi></h1>');
    expect(renderHtmlIndex(structuredClone(rows), { title: 'Batch 7' })).toBe(html);
  });

  it('renders an empty batch', () => {
    const html = renderHtmlIndex([]);
    expect(html).toContain('<dt>Mean ratio</dt><dd>—</dd>');
    expect(countFor(html, 'Strong')).toBe(0);
  });
});
