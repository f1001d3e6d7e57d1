/** One line of the results table. */
export interface Row {
  section: string;
  measure: string;
  /** The figure, formatted with its unit. */
  value: string;
  /** The goal, e.g. `≤ 1.5`; empty when the row only informs. */
  target?: string;
  /** Whether the figure meets the target (undefined without a target, or when it was not measured). */
  ok?: boolean;
}

/** A number with `digits` significant digits and thousands separators. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(digits));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A row whose figure is checked against an upper (`≤`) or lower (`≥`) bound. */
export function checked(
  section: string,
  measure: string,
  value: number,
  unit: string,
  bound: '≤' | '≥',
  limit: number,
): Row {
  const ok = bound === '≤' ? value <= limit : value >= limit;
  return { section, measure, value: `${fmt(value)}${unit}`, target: `${bound} ${fmt(limit)}${unit}`, ok };
}

/** The rows as a Markdown table (which also reads well in a terminal). */
export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.section,
    r.measure,
    r.value,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const header = ['section', 'measure', 'value', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
