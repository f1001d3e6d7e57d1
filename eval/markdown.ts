/** A number with three decimals, or "—" when it is not finite. */
export const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** A share as a percentage with one decimal, or "—" when it is not finite. */
export const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '—');

/** Escapes text for a markdown table cell and cuts it to `max` characters. */
export function cell(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
  return short.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** A markdown table; `right[i]` right-aligns column i. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[],
): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (right[i] ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return lines.join('\n');
}
