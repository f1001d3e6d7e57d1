import pc from 'picocolors';
import { formatTable } from '../report/formatTable.js';
import { formatCount, formatNumber, formatPercent, STATUS_TEXT } from '../report/messages.js';
import type { TextOptions } from '../report/renderText.js';
import { sanitizeTerminal } from '../report/sanitizeTerminal.js';
import type { Calibration, Disagreement } from './calibrate.js';

/** Output formats of `renderCalibration`. */
export type CalibrationFormat = 'text' | 'json';

const EXCERPT = 160;
const MAX_MATRIX = 15;

const fixed = (x: number, digits = 3) => (Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const percent = (x: number) => (Number.isNaN(x) ? 'n/a' : formatPercent(x));
const oneLine = (text: string) => sanitizeTerminal(text).replace(/\s+/g, ' ').trim();

function excerpt(answer: string): string {
  const flat = oneLine(answer);
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** A score gap as text: 2 decimals, or 2 significant digits for a gap below 0.005 (2.999 against 3 is −0.001, not −0). */
const formatGap = (gap: number) => (gap >= 0.005 ? formatNumber(gap) : String(Number(gap.toPrecision(2))));

function disagreementLines(d: Disagreement, c: ReturnType<typeof pc.createColors>): string[] {
  const gap = d.rubricate - d.human;
  const lines = [
    c.bold(
      `line ${d.line}: human ${formatNumber(d.human)}, rubricate ${formatNumber(d.rubricate)} (${gap > 0 ? '+' : '−'}${formatGap(Math.abs(gap))})`,
    ),
    `  "${excerpt(d.answer)}"`,
  ];
  for (const concept of d.concepts) {
    const { symbol, text } = STATUS_TEXT[concept.status];
    const found = concept.evidence.map((e) => `"${oneLine(e.text)}" ← ${oneLine(e.pattern)}`).join('; ');
    lines.push(`  ${symbol} ${text.padEnd(7)} ${oneLine(concept.id)}${found ? c.dim(`  ${found}`) : ''}`);
  }
  for (const m of d.misconceptions) {
    const found = m.evidence.map((e) => `"${oneLine(e.text)}" ← ${oneLine(e.pattern)}`).join('; ');
    lines.push(`  ! Misconception ${oneLine(m.id)} −${formatNumber(m.penalty)}${c.dim(`  ${found}`)}`);
  }
  if (d.missing.length > 0) lines.push(`  human credited, rubricate did not: ${d.missing.join(', ')}`);
  if (d.extra.length > 0) lines.push(`  rubricate credited, human did not: ${d.extra.join(', ')}`);
  return lines;
}

function renderText(result: Calibration, options: TextOptions): string {
  const c = pc.createColors(options.color ?? false);
  const levels = result.levels.map(formatNumber);
  const figures: [string, string, string][] = [
    ['Exact agreement', percent(result.exact), 'same score step'],
    ['Adjacent agreement', percent(result.adjacent), 'at most one step apart'],
    ['Quadratic kappa', fixed(result.qwk), '1 perfect, 0 chance, < 0 worse than chance'],
    ['Pearson r', fixed(result.pearson), 'of the unrounded scores'],
    ['Mean human score', fixed(result.meanHuman, 2), `of ${formatNumber(result.maxScore)}`],
    ['Mean rubricate score', fixed(result.meanRubricate, 2), `of ${formatNumber(result.maxScore)}`],
  ];
  const lines = [
    c.bold(`Calibration of ${oneLine(result.rubric.title)} (${oneLine(result.rubric.id)})`),
    `${formatCount(result.n, 'marked answer')} compared${result.skipped.length ? `, ${formatCount(result.skipped.length, 'row')} skipped` : ''}; scores rounded to ${levels.join(', ')}`,
    '',
    // The last column may hold colour codes: it is left-aligned, so its width never shifts the others.
    ...formatTable(
      figures.map(([name, value, meaning]) => [name, value, c.dim(meaning)]),
      ['left', 'left', 'left'],
    ),
    '',
    c.bold('Scores: rows human, columns rubricate'),
    ...(levels.length > MAX_MATRIX
      ? [`(${levels.length} score steps: the matrix is in the JSON output)`]
      : formatTable([
          ['human╲rubricate', ...levels],
          ...result.confusion.map((row, i) => [levels[i] as string, ...row.map(String)]),
        ])),
  ];
  if (result.concepts.length > 0) {
    lines.push('', c.bold(`Concepts (human marks on ${formatCount(result.conceptMarked, 'answer')})`));
    lines.push(
      ...formatTable([
        ['concept', 'precision', 'recall', 'F1', 'human', 'rubricate'],
        ...result.concepts.map((a) => [
          oneLine(a.id),
          fixed(a.precision, 2),
          fixed(a.recall, 2),
          fixed(a.f1, 2),
          String(a.human),
          String(a.rubricate),
        ]),
      ]),
    );
  }
  if (result.worst.length > 0) {
    lines.push('', c.bold('Worst disagreements'));
    for (const d of result.worst) lines.push(...disagreementLines(d, c));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Render a calibration: `text` for terminals (figures, confusion matrix, concept table, worst disagreements
 * with their evidence) or `json` (the result exactly; NaN becomes null).
 * @example console.log(renderCalibration(calibrate(rubric, marked), 'text'));
 */
export function renderCalibration(
  result: Calibration,
  format: CalibrationFormat,
  options: TextOptions = {},
): string {
  return format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderText(result, options);
}
