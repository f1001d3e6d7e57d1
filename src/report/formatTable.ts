/** How a column of `formatTable` is aligned. */
export type Alignment = 'left' | 'right';

/**
 * Align rows of cells into columns separated by two spaces; columns without an alignment given are
 * left-aligned when first, right-aligned (numbers) otherwise. Trailing spaces are trimmed.
 * @example formatTable([['concept', 'F1'], ['mttr', '0.9']]) // ['concept   F1', 'mttr     0.9']
 */
export function formatTable(
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        (align[i] ?? (i === 0 ? 'left' : 'right')) === 'left'
          ? cell.padEnd(widths[i] ?? 0)
          : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}
