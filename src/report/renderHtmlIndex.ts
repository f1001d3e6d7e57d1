import { escapeHtml, isolateHtml } from './escapeHtml.js';
import { BAND_LABELS, formatNumber, formatPercent } from './messages.js';
import { htmlDocument } from './renderHtml.js';
import type { Band } from './types.js';

/** One graded answer in a batch index: its report page, score and band, or the error that stopped it. */
export interface HtmlIndexRow {
  id: string;
  /** Link to the answer's report page, usually relative (`reports/a1.html`); without one the id is not linked. */
  href?: string;
  score: number;
  maxScore: number;
  band: Band;
  passed: boolean;
  /** Why the answer could not be graded; such rows are listed but left out of the histogram and band counts. */
  error?: string;
}

const BANDS: readonly Band[] = ['strong', 'adequate', 'weak', 'insufficient'];
const BUCKETS = 10;

const INDEX_CSS = `table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);padding-bottom:.3rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.num,th.num{text-align:right}
.histogram td{padding-block:.15rem}
.bar-cell{width:65%}
.bar{display:block;height:1rem;min-width:1px;background:#2563eb;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.band::before{content:"";display:inline-block;width:.7rem;height:.7rem;margin-right:.35rem;border-radius:50%;background:var(--chip);vertical-align:-.05rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.band-strong{--chip:#15803d}.band-adequate{--chip:#2563eb}.band-weak{--chip:#d97706}.band-insufficient{--chip:#b91c1c}
.error{color:var(--bad)}
a{color:#1d4ed8}`;

/** Ratio of score to maximum, 0 when the maximum is 0. */
function rowRatio(row: HtmlIndexRow): number {
  return row.maxScore > 0 ? row.score / row.maxScore : 0;
}

/** The link target, or `undefined` when it uses a scheme other than http, https or file (e.g. `javascript:`). */
function safeHref(href: string): string | undefined {
  // Browsers ignore control characters and spaces when reading a scheme ("java\tscript:").
  const visible = [...href].filter((char) => char > ' ').join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(visible)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'file'].includes(scheme) ? href : undefined;
}

function renderSummary(rows: readonly HtmlIndexRow[], graded: readonly HtmlIndexRow[]): string {
  const passed = graded.filter((row) => row.passed).length;
  const mean =
    graded.length === 0
      ? '—'
      : formatPercent(graded.reduce((sum, row) => sum + rowRatio(row), 0) / graded.length);
  return `<dl class="summary">
<div><dt>Answers</dt><dd>${rows.length}</dd></div>
<div><dt>Passed</dt><dd>${passed}</dd></div>
<div><dt>Errors</dt><dd>${rows.length - graded.length}</dd></div>
<div><dt>Mean ratio</dt><dd>${mean}</dd></div>
</dl>`;
}

function renderHistogram(graded: readonly HtmlIndexRow[]): string {
  const counts = Array.from({ length: BUCKETS }, () => 0);
  for (const row of graded) {
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor(rowRatio(row) * BUCKETS + 1e-9)));
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  const highest = Math.max(1, ...counts);
  const rows = counts.map((count, bucket) => {
    const range = `${bucket * 10}–${(bucket + 1) * 10}%`;
    const width = count === 0 ? 0 : formatNumber((count / highest) * 100);
    return `<tr><th scope="row">${range}</th><td class="num">${count}</td><td class="bar-cell" aria-hidden="true"><span class="bar" style="width:${width}%"></span></td></tr>`;
  });
  return `<table class="histogram">
<caption>Answers by score ratio (last bucket includes 100%)</caption>
<thead><tr><th scope="col">Ratio</th><th scope="col" class="num">Answers</th><th scope="col">Share</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function renderBands(graded: readonly HtmlIndexRow[]): string {
  const rows = BANDS.map((band) => {
    const count = graded.filter((row) => row.band === band).length;
    return `<tr data-band="${band}"><th scope="row"><span class="band band-${band}">${BAND_LABELS[band]}</span></th><td class="num">${count}</td></tr>`;
  });
  return `<table class="bands">
<caption>Answers per band</caption>
<thead><tr><th scope="col">Band</th><th scope="col" class="num">Answers</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function renderRow(row: HtmlIndexRow): string {
  const href = row.href === undefined ? undefined : safeHref(row.href);
  const id = isolateHtml(row.id);
  const link = href === undefined ? id : `<a href="${escapeHtml(href)}">${id}</a>`;
  if (row.error !== undefined) {
    return `<tr><td>${link}</td><td class="num">—</td><td class="num">—</td><td>—</td><td class="error">Error: ${isolateHtml(row.error)}</td></tr>`;
  }
  const result = row.passed ? '<span class="pass">✓ Passed</span>' : '<span class="fail">✗ Not passed</span>';
  return `<tr><td>${link}</td><td class="num">${formatNumber(row.score)} / ${formatNumber(row.maxScore)}</td><td class="num">${formatPercent(rowRatio(row))}</td><td><span class="band band-${row.band}">${BAND_LABELS[row.band]}</span></td><td>${result}</td></tr>`;
}

/**
 * Renders a self-contained HTML index for a batch of graded answers: a linked table, a histogram of
 * score ratios in ten buckets and counts per band (rows with an error are listed but not counted).
 * @example writeFileSync('index.html', renderHtmlIndex([{ id: 'a1', href: 'a1.html', score: 2, maxScore: 3, band: 'adequate', passed: true }]));
 */
export function renderHtmlIndex(rows: readonly HtmlIndexRow[], options: { title?: string } = {}): string {
  const title = options.title ?? 'rubricate reports';
  const graded = rows.filter((row) => row.error === undefined);
  const body = `<header>
<h1>${isolateHtml(title)}</h1>
</header>
<section aria-labelledby="h-summary">
<h2 id="h-summary">Summary</h2>
${renderSummary(rows, graded)}
</section>
<section aria-labelledby="h-distribution">
<h2 id="h-distribution">Score distribution</h2>
${renderHistogram(graded)}
${renderBands(graded)}
</section>
<section aria-labelledby="h-reports">
<h2 id="h-reports">Reports</h2>
<table class="reports">
<thead><tr><th scope="col">Answer</th><th scope="col" class="num">Score</th><th scope="col" class="num">Ratio</th><th scope="col">Band</th><th scope="col">Result</th></tr></thead>
<tbody>
${rows.map(renderRow).join('\n')}
</tbody>
</table>
</section>`;
  return htmlDocument(title, INDEX_CSS, body);
}
