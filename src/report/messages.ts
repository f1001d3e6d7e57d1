import type { Band, ConceptStatus, Flag } from './types.js';

/** English names of the score bands, as shown in HTML reports. */
export const BAND_LABELS: Readonly<Record<Band, string>> = {
  strong: 'Strong',
  adequate: 'Adequate',
  weak: 'Weak',
  insufficient: 'Insufficient',
};

/** Symbol and word for each concept status (colour is never the only signal). */
export const STATUS_TEXT: Readonly<Record<ConceptStatus, { symbol: string; text: string }>> = {
  met: { symbol: '✓', text: 'Met' },
  partial: { symbol: '◐', text: 'Partial' },
  negated: { symbol: '⊘', text: 'Negated' },
  missing: { symbol: '✗', text: 'Missing' },
};

/** One English sentence per flag. */
export const FLAG_TEXT: Readonly<Record<Flag, string>> = {
  empty: 'The answer is empty.',
  'too-short': 'The answer is very short.',
  'keyword-list': 'The answer reads as a list of keywords rather than explanations.',
  truncated: 'The answer was truncated before grading.',
};

/** Formats a number with at most two decimals, independent of locale (`0.333…` → `0.33`). */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Formats a ratio as a percentage with at most one decimal (`0.8456` → `84.6%`). */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** A count with its noun, adding an "s" unless the count is 1 (`formatCount(2, 'row')` → `2 rows`). */
export function formatCount(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
