import { escapeHtml, isolateHtml } from './escapeHtml.js';
import { BAND_LABELS, FLAG_TEXT, formatNumber, formatPercent, STATUS_TEXT } from './messages.js';
import type { ConceptResult, Evidence, GradeReport } from './types.js';

/** Number of concept colours (`.k0` … `.k7`); concepts beyond it reuse colours in order. */
const PALETTE_SIZE = 8;

const BASE_CSS = `:root{color-scheme:light;--ink:#1b1b1f;--muted:#50555f;--line:#d0d4dc;--paper:#fff;--good:#166534;--bad:#9f1239}
*{box-sizing:border-box}
body{margin:0;background:#eef0f3;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:52rem;margin:0 auto;padding:1.5rem 2rem 2rem;background:var(--paper)}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:1.75rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .3rem}
.sub{color:var(--muted);margin:0}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem;margin:0}
.summary div{border:1px solid var(--line);border-radius:6px;padding:.45rem .75rem}
.summary dt{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.summary dd{margin:0;font-size:1.25rem;font-weight:600}
.pass{color:var(--good)}.fail{color:var(--bad)}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@page{margin:1.5cm}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}li,tr,.summary div{break-inside:avoid}}`;

const REPORT_CSS = `.question{margin:.75rem 0 0;padding:.5rem .75rem;border-left:4px solid var(--line);background:#f7f8fa}
.answer{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;margin:0;padding:.75rem 1rem;border:1px solid var(--line);border-radius:6px;font-size:1.05rem}
.empty{color:var(--muted);font-style:italic}
.hl{background:var(--bg);color:inherit;border-radius:2px;text-decoration-color:var(--ul);text-decoration-thickness:2px;text-underline-offset:.22em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.hl .hl{text-underline-offset:.5em}
.hl[data-status=met]{text-decoration-line:underline;text-decoration-style:solid}
.hl[data-status=partial]{text-decoration-line:underline;text-decoration-style:dashed}
.hl[data-status=negated]{text-decoration-line:line-through;text-decoration-style:solid}
.hl[data-status=misconception]{text-decoration-line:underline;text-decoration-style:wavy}
.k0{--bg:rgba(37,99,235,.17);--ul:#1d4ed8}.k1{--bg:rgba(22,163,74,.18);--ul:#15803d}
.k2{--bg:rgba(217,119,6,.2);--ul:#b45309}.k3{--bg:rgba(124,58,237,.16);--ul:#6d28d9}
.k4{--bg:rgba(8,145,178,.18);--ul:#0e7490}.k5{--bg:rgba(219,39,119,.15);--ul:#be185d}
.k6{--bg:rgba(101,163,13,.2);--ul:#4d7c0f}.k7{--bg:rgba(234,88,12,.17);--ul:#c2410c}
.mis{--bg:rgba(220,38,38,.15);--ul:#b91c1c}
.neutral{--bg:#e7e9ee;--ul:#1b1b1f}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;list-style:none;padding:0;margin:.5rem 0 0;font-size:.9rem}
.legend .hl{padding:0 .3rem}
.items{list-style:none;padding:0;margin:0}
.items>li{display:grid;grid-template-columns:1.75rem 1fr;gap:0 .25rem;padding:.45rem 0;border-bottom:1px solid var(--line)}
.symbol{font-size:1.15rem;line-height:1.4;text-align:center;font-weight:700}
.status-met .symbol{color:var(--good)}.status-partial .symbol{color:#92400e}
.status-negated .symbol,.status-missing .symbol,.triggered .symbol{color:var(--bad)}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.35rem;border:1px solid var(--ul);border-radius:2px;background:var(--bg);vertical-align:-.05rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.status{font-weight:600}.meta{color:var(--muted);font-size:.9rem}
.detail{grid-column:2;margin:.15rem 0 0;font-size:.92rem}
q{quotes:"“" "”" "‘" "’"}
.notes li{margin:.25rem 0}`;

/** Wraps a body in a self-contained HTML5 page: inline CSS only and a policy that blocks every external request. */
export function htmlDocument(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
${BASE_CSS}
${css}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Who a highlighted span belongs to: a concept (in rubric order) or a triggered misconception. */
interface Owner {
  order: number;
  open: string;
}

/** A highlighted range of the answer, merged per owner so one owner's spans never overlap each other. */
interface Span {
  start: number;
  end: number;
  owner: Owner;
}

function conceptOwner(concept: ConceptResult, index: number): Owner {
  const title = `${concept.label} (${STATUS_TEXT[concept.status].text.toLowerCase()})`;
  return {
    order: index,
    open: `<mark class="hl k${index % PALETTE_SIZE}" data-concept="${escapeHtml(concept.id)}" data-status="${concept.status}" title="${escapeHtml(title)}">`,
  };
}

function misconceptionOwner(id: string, label: string, order: number): Owner {
  const title = `Misconception: ${label}`;
  return {
    order,
    open: `<mark class="hl mis" data-misconception="${escapeHtml(id)}" data-status="misconception" title="${escapeHtml(title)}">`,
  };
}

/** Clamps the evidence to the answer, sorts it and merges ranges that touch or overlap. */
function ownerSpans(evidence: readonly Evidence[], length: number, owner: Owner): Span[] {
  const ranges = evidence
    .map((item) => {
      const start = Math.max(0, Math.min(length, item.start));
      return { start, end: Math.max(start, Math.min(length, item.end)) };
    })
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Span[] = [];
  for (const range of ranges) {
    const last = spans.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else spans.push({ ...range, owner });
  }
  return spans;
}

function reportSpans(report: GradeReport): Span[] {
  const length = report.answer.length;
  const concepts = report.concepts.flatMap((concept, index) =>
    ownerSpans(concept.evidence, length, conceptOwner(concept, index)),
  );
  const misconceptions = report.misconceptions
    .filter((item) => item.triggered)
    .flatMap((item, index) =>
      ownerSpans(
        item.evidence,
        length,
        misconceptionOwner(item.id, item.label, report.concepts.length + index),
      ),
    );
  return [...concepts, ...misconceptions];
}

/**
 * Splits the answer at every span boundary; each segment is wrapped in one nested `<mark>` per span
 * covering it, outermost first in rubric order.
 */
function highlightAnswer(report: GradeReport): string {
  const { answer } = report;
  const spans = reportSpans(report);
  const cuts = [...new Set([0, answer.length, ...spans.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  // One sweep over the spans by start: the spans covering a piece are those begun and not yet ended (filtering every
  // span for every piece took time quadratic in a long answer's evidence).
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let begun = 0;
  let open: Span[] = [];
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? start;
    while (begun < byStart.length && (byStart[begun] as Span).start <= start)
      open.push(byStart[begun++] as Span);
    open = open.filter((span) => span.end >= end);
    const covering = [...open].sort((a, b) => a.owner.order - b.owner.order);
    const text = escapeHtml(answer.slice(start, end));
    html += covering.map((span) => span.owner.open).join('') + text + '</mark>'.repeat(covering.length);
  }
  return html;
}

function quotes(evidence: readonly Evidence[]): string {
  const texts = [...new Set(evidence.map((item) => item.text))];
  return texts.map((text) => `<q>${isolateHtml(text)}</q>`).join(', ');
}

function renderHeader(report: GradeReport, title: string): string {
  const { rubric } = report;
  const version = rubric.version === undefined ? '' : `, version ${isolateHtml(rubric.version)}`;
  const question =
    rubric.question === undefined
      ? ''
      : `\n<p class="question"><strong>Question:</strong> ${isolateHtml(rubric.question)}</p>`;
  return `<header>
<h1>${isolateHtml(title)}</h1>
<p class="sub">Rubric: ${isolateHtml(rubric.title)} (<code>${escapeHtml(rubric.id)}</code>${version})</p>${question}
</header>`;
}

function renderSummary(report: GradeReport): string {
  const result = report.passed ? '<dd class="pass">✓ Passed</dd>' : '<dd class="fail">✗ Not passed</dd>';
  const raw =
    report.rawScore === report.score
      ? ''
      : `\n<div><dt>Raw points</dt><dd>${formatNumber(report.rawScore)}</dd></div>`;
  return `<section aria-labelledby="h-score">
<h2 id="h-score">Score</h2>
<dl class="summary">
<div><dt>Score</dt><dd>${formatNumber(report.score)} / ${formatNumber(report.maxScore)}</dd></div>
<div><dt>Ratio</dt><dd>${formatPercent(report.ratio)}</dd></div>
<div><dt>Band</dt><dd>${BAND_LABELS[report.band]}</dd></div>
<div><dt>Result</dt>${result}</div>${raw}
</dl>
</section>`;
}

function renderAnswer(report: GradeReport): string {
  const answer =
    report.answer.length === 0
      ? '<p class="empty">(empty answer)</p>'
      : `<p class="answer" dir="auto">${highlightAnswer(report)}</p>`;
  const colours =
    report.concepts.length > PALETTE_SIZE
      ? `Colours match the concept checklist and repeat every ${PALETTE_SIZE} concepts (a highlight's tooltip names its concept); overlapping matches nest.`
      : 'Colours match the concept checklist; overlapping matches nest.';
  return `<section aria-labelledby="h-answer">
<h2 id="h-answer">Answer</h2>
${answer}
<h3 id="h-legend">Legend</h3>
<ul class="legend" aria-labelledby="h-legend">
<li><span class="hl neutral" data-status="met">solid underline</span> met</li>
<li><span class="hl neutral" data-status="partial">dashed underline</span> partial</li>
<li><span class="hl neutral" data-status="negated">struck through</span> negated</li>
<li><span class="hl mis" data-status="misconception">wavy underline</span> misconception</li>
<li>${colours}</li>
</ul>
</section>`;
}

function renderConcept(concept: ConceptResult, index: number, groupLabels: Map<string, string>): string {
  const { symbol, text } = STATUS_TEXT[concept.status];
  const group =
    concept.group === undefined
      ? ''
      : ` · group: ${isolateHtml(groupLabels.get(concept.group) ?? concept.group)}`;
  const required = concept.required ? ' · required' : '';
  const evidence =
    concept.evidence.length === 0 ? '' : `\n<p class="detail">Matched: ${quotes(concept.evidence)}</p>`;
  const feedback =
    concept.feedback === undefined ? '' : `\n<p class="detail">${isolateHtml(concept.feedback)}</p>`;
  return `<li class="status-${concept.status}"><span class="symbol" aria-hidden="true">${symbol}</span><div><span class="status">${text}:</span> <span class="swatch k${index % PALETTE_SIZE}" aria-hidden="true"></span>${isolateHtml(concept.label)} <span class="meta">${formatNumber(concept.points)} / ${formatNumber(concept.maxPoints)} pts${group}${required}</span></div>${evidence}${feedback}</li>`;
}

function renderConcepts(report: GradeReport): string {
  const groupLabels = new Map(report.groups.map((group) => [group.id, group.label]));
  const groups = report.groups.map(
    (group) =>
      `<li>${isolateHtml(group.label)}: ${formatNumber(group.met)} of ${formatNumber(group.need)} needed${group.satisfied ? ' (satisfied)' : ''} · ${formatNumber(group.points)} / ${formatNumber(group.maxPoints)} pts</li>`,
  );
  const groupList =
    groups.length === 0
      ? ''
      : `\n<h3 id="h-groups">Groups</h3>\n<ul aria-labelledby="h-groups">\n${groups.join('\n')}\n</ul>`;
  return `<section aria-labelledby="h-concepts">
<h2 id="h-concepts">Concepts</h2>
<ul class="items">
${report.concepts.map((concept, index) => renderConcept(concept, index, groupLabels)).join('\n')}
</ul>${groupList}
</section>`;
}

function renderMisconceptions(report: GradeReport): string {
  const items = report.misconceptions
    .filter((item) => item.triggered)
    .map((item) => {
      const evidence =
        item.evidence.length === 0 ? '' : `\n<p class="detail">Matched: ${quotes(item.evidence)}</p>`;
      const feedback =
        item.feedback === undefined ? '' : `\n<p class="detail">${isolateHtml(item.feedback)}</p>`;
      return `<li class="triggered"><span class="symbol" aria-hidden="true">!</span><div><span class="swatch mis" aria-hidden="true"></span>${isolateHtml(item.label)} <span class="meta">−${formatNumber(item.penalty)} pts</span></div>${evidence}${feedback}</li>`;
    });
  const body =
    items.length === 0 ? '<p>None triggered.</p>' : `<ul class="items">\n${items.join('\n')}\n</ul>`;
  return `<section aria-labelledby="h-misconceptions">
<h2 id="h-misconceptions">Misconceptions</h2>
${body}
</section>`;
}

function renderList(
  id: string,
  heading: string,
  items: readonly string[],
  empty: string,
  tag: 'ol' | 'ul',
): string {
  const body =
    items.length === 0
      ? `<p>${empty}</p>`
      : `<${tag} class="notes">\n${items.map((item) => `<li>${isolateHtml(item)}</li>`).join('\n')}\n</${tag}>`;
  return `<section aria-labelledby="h-${id}">
<h2 id="h-${id}">${heading}</h2>
${body}
</section>`;
}

/**
 * Renders a grade report as one self-contained HTML5 page (inline CSS, no scripts, no external requests).
 * Each evidence span is a `<mark data-concept="id" data-status="status" title="label (status)">`; where
 * spans overlap, the answer is split at every boundary and each segment nests one mark per concept covering it.
 * @example writeFileSync('report.html', renderHtml(grade(rubric, answer)));
 */
export function renderHtml(report: GradeReport, options: { title?: string } = {}): string {
  const title = options.title ?? report.rubric.title;
  const body = [
    renderHeader(report, title),
    renderSummary(report),
    renderAnswer(report),
    renderConcepts(report),
    renderMisconceptions(report),
    renderList('feedback', 'Feedback', report.feedback, 'Nothing to add.', 'ol'),
    renderList(
      'flags',
      'Flags',
      report.flags.map((flag) => FLAG_TEXT[flag]),
      'None.',
      'ul',
    ),
    `<footer>Graded by rubricate ${escapeHtml(report.meta.rubricate)} with ${escapeHtml(report.meta.model)}.</footer>`,
  ];
  return htmlDocument(title, REPORT_CSS, body.join('\n'));
}
