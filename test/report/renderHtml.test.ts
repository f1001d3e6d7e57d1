import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escapeHtml.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { GradeReport } from '../../src/report/types.js';
import {
  concept,
  HOSTILE,
  hostileReport,
  kpiReport,
  makeReport,
  overlapReport,
  scanHtml,
} from '../fixtures/reports.js';

/** A run of answer text with the concept marks (id → status) that enclose it. */
interface Segment {
  text: string;
  marks: Map<string, string>;
}

/** The highlighted answer as text segments, each with the concepts whose marks enclose it. */
function answerSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  const stack: Record<string, string>[] = [];
  let inAnswer = false;
  for (const token of scanHtml(html)) {
    if (token.kind === 'open' && token.name === 'p' && token.attributes.class === 'answer') inAnswer = true;
    else if (!inAnswer) continue;
    else if (token.kind === 'close' && token.name === 'p') break;
    else if (token.kind === 'open' && token.name === 'mark') stack.push(token.attributes);
    else if (token.kind === 'close' && token.name === 'mark') stack.pop();
    else if (token.kind === 'text') {
      const marks = new Map<string, string>();
      for (const attributes of stack) {
        const id = attributes['data-concept'];
        if (id !== undefined) marks.set(id, attributes['data-status'] ?? '');
      }
      segments.push({ text: token.text, marks });
    }
  }
  return segments;
}

/** Maximal runs of answer text inside marks of one concept with one status. */
function markedRuns(html: string, conceptId: string, status: string): string[] {
  const runs: string[] = [];
  let current: string | undefined;
  for (const segment of answerSegments(html)) {
    if (segment.marks.get(conceptId) === status) current = (current ?? '') + segment.text;
    else if (current !== undefined) {
      runs.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) runs.push(current);
  return runs;
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderHtml', () => {
  it('wraps every evidence text in a mark with its concept id and status', () => {
    const html = renderHtml(kpiReport);
    for (const result of kpiReport.concepts) {
      for (const evidence of result.evidence) {
        expect(markedRuns(html, result.id, result.status)).toContain(evidence.text);
      }
    }
    expect(markedRuns(html, 'deployment-frequency', 'met')).toEqual(['deployment frequency']);
    expect(markedRuns(html, 'mttr', 'negated')).toEqual(['MTTR']);
  });

  it('isolates text written by users, so a right-to-left override cannot reorder the page around it', () => {
    const rlo = '\u202e';
    const report = makeReport('We track deployment frequency.', [
      concept({ id: 'df', label: `Deployment frequency${rlo}`, status: 'met', points: 1 }),
    ]);
    const html = renderHtml(report, { title: `Candidate${rlo}` });
    expect(html).toContain(`<bdi>Deployment frequency${rlo}</bdi> <span class="meta">1 / 1 pts</span>`);
    expect(html).toContain(`<h1><bdi>Candidate${rlo}</bdi></h1>`);
    expect(html).toContain('<p class="answer" dir="auto">');
  });

  it('says in the legend that colours repeat when a rubric has more concepts than colours', () => {
    const concepts = (count: number) =>
      Array.from({ length: count }, (_, i) => concept({ id: `c${i}`, label: `Concept ${i}` }));
    expect(renderHtml(makeReport('An answer.', concepts(8)))).toContain(
      '<li>Colours match the concept checklist; overlapping matches nest.</li>',
    );
    expect(renderHtml(makeReport('An answer.', concepts(9)))).toContain('repeat every 8 concepts');
  });

  it('names the concept in each mark title', () => {
    expect(renderHtml(kpiReport)).toContain(
      'data-concept="lead-time" data-status="partial" title="Lead time for changes (partial)">lead time</mark>',
    );
  });

  it('marks triggered misconceptions apart from concepts', () => {
    expect(renderHtml(kpiReport)).toMatch(
      /<mark [^>]*data-misconception="loc" data-status="misconception"[^>]*>lines of code<\/mark>/,
    );
  });

  it('renders both concepts where evidence overlaps, nesting marks on the shared text', () => {
    const html = renderHtml(overlapReport);
    expect(markedRuns(html, 'deployment-frequency', 'met')).toEqual(['deployment frequency']);
    expect(markedRuns(html, 'flow', 'partial')).toEqual(['frequency and lead time']);
    const shared = answerSegments(html).find((segment) => segment.text === 'frequency');
    expect([...(shared?.marks.keys() ?? [])]).toEqual(['deployment-frequency', 'flow']);
  });

  it("merges a concept's own overlapping evidence instead of nesting it in itself", () => {
    const html = renderHtml(overlapReport);
    expect(html.match(/<mark [^>]*data-concept="flow"/g)).toHaveLength(2);
  });

  it('keeps the answer text, newlines included, exactly once', () => {
    const html = renderHtml(kpiReport);
    expect(
      answerSegments(html)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(kpiReport.answer);
    expect(kpiReport.answer).toContain('\n');
    expect(html).toContain('white-space:pre-wrap');
  });

  test.prop([
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 2 })), { maxLength: 8 }),
  ])('highlights any set of overlapping spans without losing text', (answer, ranges) => {
    const ids = ['a', 'b', 'c'];
    const concepts = ids.map((id, index) => {
      const evidence = ranges
        .filter(([, , owner]) => owner === index)
        .map(([x, y]) => {
          const start = Math.min(x, y) % answer.length;
          const end = Math.min(answer.length, start + (Math.max(x, y) % 5) + 1);
          const text = answer.slice(start, end);
          return {
            start,
            end,
            text,
            sentence: 0,
            pattern: text,
            via: 'exact' as const,
            similarity: 1,
            negated: false,
          };
        });
      return concept({ id, label: id.toUpperCase(), status: 'met', evidence });
    });
    const html = renderHtml(makeReport(answer, concepts));
    expect(
      answerSegments(html)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(answer);
    for (const result of concepts) {
      const runs = markedRuns(html, result.id, 'met');
      for (const evidence of result.evidence) {
        expect(runs.some((run) => run.includes(evidence.text))).toBe(true);
      }
    }
  });

  it('lists every concept with status symbol, label, points and group', () => {
    const html = renderHtml(kpiReport);
    expect(html).toContain('✓</span><div><span class="status">Met:</span>');
    expect(html).toContain(
      '<bdi>Lead time for changes</bdi> <span class="meta">0.5 / 1 pts · group: <bdi>DORA delivery metrics</bdi></span>',
    );
    expect(html).toContain('<span class="status">Negated:</span>');
    expect(html).toContain('<span class="status">Missing:</span>');
    expect(html).toContain('· required');
  });

  it('shows score, ratio, band, result, misconceptions, feedback and flags', () => {
    const html = renderHtml(kpiReport);
    expect(html).toContain('<dd>1 / 3</dd>');
    expect(html).toContain('<dd>33.3%</dd>');
    expect(html).toContain('<dd>Weak</dd>');
    expect(html).toContain('✗ Not passed');
    expect(html).toContain('<bdi>Lines of code as a KPI</bdi> <span class="meta">−1 pts</span>');
    expect(html).not.toContain('Vanity metrics');
    expect(html).toContain('<li><bdi>Mention how often a change causes a failure in production.</bdi></li>');
    expect(html).toContain('<li><bdi>The answer is very short.</bdi></li>');
    expect(html).toContain('Name three important DevOps KPIs.');
  });

  it('escapes markup and quotes in the answer, ids, labels and rubric text', () => {
    const html = renderHtml(hostileReport);
    const escaped = escapeHtml(HOSTILE);
    expect(escaped).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;',
    );
    expect(html).toContain(`<li><bdi>${escaped}</bdi></li>`);
    expect(html).toContain('Look: <mark ');
    expect(
      answerSegments(html)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(hostileReport.answer);
    expect(html).toContain(`<h1><bdi>Title ${escaped}</bdi></h1>`);
    expect(html).toContain(`data-concept="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(html).toContain(`title="Label ${escaped} (met)"`);
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('lets no tag, attribute or event handler through from report text', () => {
    const tokens = scanHtml(renderHtml(hostileReport));
    const names = new Set(tokens.flatMap((token) => (token.kind === 'open' ? [token.name] : [])));
    expect([...names].sort()).toEqual(
      [
        'bdi',
        'body',
        'code',
        'dd',
        'div',
        'dl',
        'dt',
        'footer',
        'h1',
        'h2',
        'h3',
        'head',
        'header',
        'html',
        'li',
        'main',
        'mark',
        'meta',
        'ol',
        'p',
        'q',
        'section',
        'span',
        'strong',
        'style',
        'title',
        'ul',
      ].sort(),
    );
    const attributes = tokens.flatMap((token) =>
      token.kind === 'open' ? Object.keys(token.attributes) : [],
    );
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    const marked = tokens.flatMap((token) =>
      token.kind === 'open' && token.name === 'mark' ? [token.attributes['data-concept'] ?? ''] : [],
    );
    expect(marked).toContain('x"><script>alert(1)</script>');
  });

  it('makes no external references', () => {
    for (const report of [kpiReport, overlapReport, hostileReport]) {
      const html = renderHtml(report);
      expect(html).not.toMatch(/https?:|\/\/|url\(|@import/i);
      const attributes = scanHtml(html).flatMap((token) =>
        token.kind === 'open' ? Object.keys(token.attributes) : [],
      );
      expect(attributes).not.toContain('src');
      expect(attributes).not.toContain('href');
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    }
  });

  it('renders the same report to the same string, whatever its duration', () => {
    const slower: GradeReport = { ...kpiReport, meta: { ...kpiReport.meta, durationMs: 98765 } };
    expect(renderHtml(kpiReport)).toBe(renderHtml(structuredClone(kpiReport)));
    expect(renderHtml(slower)).toBe(renderHtml(kpiReport));
    expect(renderHtml(slower)).not.toContain('98765');
  });

  it('uses the title option for the page and heading', () => {
    const html = renderHtml(kpiReport, { title: 'Candidate <7>' });
    expect(html).toContain('<title>Candidate &lt;7&gt;</title>');
    expect(html).toContain('<h1><bdi>Candidate &lt;7&gt;</bdi></h1>');
    expect(html).toContain(
      'Rubric: <bdi>Three important DevOps KPIs</bdi> (<code>devops/kpis</code>, version <bdi>2</bdi>)',
    );
  });

  it('says so when the answer is empty', () => {
    expect(renderHtml(makeReport('', []))).toContain('<p class="empty">(empty answer)</p>');
  });
});
