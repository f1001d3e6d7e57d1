import type { SkippedRow } from '../calibrate/checkMarked.js';

/** Merge rows skipped while reading and while checking, by line, warning about each one. */
export function reportSkipped(
  file: string,
  read: readonly SkippedRow[],
  checked: readonly SkippedRow[],
  warn: (line: string) => void,
): SkippedRow[] {
  const all = [...read, ...checked].sort((a, b) => a.line - b.line);
  for (const row of all) warn(`rubricate: ${file}: line ${row.line}: ${row.message} (skipped)`);
  return all;
}
