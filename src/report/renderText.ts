import pc from 'picocolors';
import { FLAG_TEXT, formatNumber, formatPercent, STATUS_TEXT } from './messages.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';
import type { ConceptStatus, GradeReport } from './types.js';

/** Options for the text renderer. */
export interface TextOptions {
  /** Use ANSI colours (default: false; the CLI turns them on for a TTY unless NO_COLOR is set). */
  color?: boolean;
}

/** Render a report for a terminal: score line, concept checklist with evidence, feedback and flags. */
export function renderText(report: GradeReport, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const paint: Record<ConceptStatus, (s: string) => string> = {
    met: c.green,
    partial: c.yellow,
    negated: c.magenta,
    missing: c.red,
  };
  const clean = sanitizeTerminal;
  const lines: string[] = [];
  lines.push(c.bold(`${clean(report.rubric.title)} (${clean(report.rubric.id)})`));
  lines.push(
    `Score ${formatNumber(report.score)}/${formatNumber(report.maxScore)} (${formatPercent(report.ratio)}) · ${report.band} · ${
      report.passed ? c.green('passed') : c.red('not passed')
    }`,
  );
  lines.push('');
  for (const concept of report.concepts) {
    const { symbol, text } = STATUS_TEXT[concept.status];
    const points = `${formatNumber(concept.points)}/${formatNumber(concept.maxPoints)}`;
    const group = concept.group ? c.dim(` [${clean(concept.group)}]`) : '';
    lines.push(
      `${paint[concept.status](`${symbol} ${text.padEnd(7)}`)} ${clean(concept.label)} ${c.dim(points)}${group}`,
    );
    for (const e of concept.evidence) {
      lines.push(
        c.dim(
          `    "${clean(e.text)}" at ${e.start}–${e.end} (${e.via}${e.similarity < 1 ? ` ${e.similarity}` : ''})`,
        ),
      );
    }
  }
  const triggered = report.misconceptions.filter((m) => m.triggered);
  if (triggered.length > 0) {
    lines.push('');
    for (const m of triggered)
      lines.push(`${c.red('! Misconception')} ${clean(m.label)} ${c.dim(`−${formatNumber(m.penalty)}`)}`);
  }
  if (report.feedback.length > 0) {
    lines.push('', c.bold('Feedback'));
    for (const f of report.feedback) lines.push(`- ${clean(f)}`);
  }
  if (report.flags.length > 0) {
    lines.push('', ...report.flags.map((f) => c.yellow(`Flag ${f}: ${FLAG_TEXT[f]}`)));
  }
  return `${lines.join('\n')}\n`;
}
