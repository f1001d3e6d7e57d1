import { FLAG_TEXT, formatNumber, formatPercent, STATUS_TEXT } from './messages.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';
import type { GradeReport } from './types.js';

/** Escape text for a Markdown table cell or paragraph, without the control sequences a terminal would obey. */
function md(text: string): string {
  return sanitizeTerminal(text)
    .replace(/[\\`*_{}[\]<>|#]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, ' ');
}

/** Render a report as Markdown: summary, concept table with evidence, feedback and flags. */
export function renderMarkdown(report: GradeReport): string {
  const out: string[] = [];
  out.push(`## ${md(report.rubric.title)}`, '');
  if (report.rubric.question) out.push(`> ${md(report.rubric.question)}`, '');
  out.push(
    `**Score ${formatNumber(report.score)}/${formatNumber(report.maxScore)}** (${formatPercent(report.ratio)}) · ${report.band} · ${
      report.passed ? 'passed' : 'not passed'
    }`,
    '',
  );
  out.push('| | Concept | Points | Evidence |', '|---|---|---|---|');
  for (const c of report.concepts) {
    const { symbol, text } = STATUS_TEXT[c.status];
    const evidence = c.evidence.map((e) => `“${md(e.text)}”`).join(', ');
    out.push(
      `| ${symbol} ${text} | ${md(c.label)} | ${formatNumber(c.points)}/${formatNumber(c.maxPoints)} | ${evidence} |`,
    );
  }
  const triggered = report.misconceptions.filter((m) => m.triggered);
  if (triggered.length > 0) {
    out.push(
      '',
      '**Misconceptions**',
      '',
      ...triggered.map((m) => `- ${md(m.label)} (−${formatNumber(m.penalty)})`),
    );
  }
  if (report.feedback.length > 0)
    out.push('', '**Feedback**', '', ...report.feedback.map((f) => `- ${md(f)}`));
  if (report.flags.length > 0) out.push('', ...report.flags.map((f) => `*Flag ${f}: ${FLAG_TEXT[f]}*`));
  return `${out.join('\n')}\n`;
}
