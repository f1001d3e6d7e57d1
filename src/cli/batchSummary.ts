import type { BatchResult } from '../batch/batchResult.js';
import { formatNumber, formatPercent } from '../report/messages.js';
import type { Band } from '../report/types.js';

/** Running totals of a batch for the closing line on stderr: rows, errors, mean score and ratio, rows per band. */
export class BatchSummary {
  rows = 0;
  errors = 0;
  private scores = 0;
  private ratios = 0;
  private readonly bands: Record<Band, number> = { strong: 0, adequate: 0, weak: 0, insufficient: 0 };

  /** Count one result. */
  add(result: BatchResult): void {
    this.rows++;
    if (result.error !== undefined) {
      this.errors++;
      return;
    }
    this.scores += result.score;
    this.ratios += result.ratio;
    this.bands[result.band]++;
  }

  /** E.g. `1000 rows: 995 graded, 5 errors; mean score 1.85 (61.7%); strong 120, adequate 300, weak 200, insufficient 375`. */
  toString(): string {
    const graded = this.rows - this.errors;
    const mean =
      graded === 0
        ? 'no mean score'
        : `mean score ${formatNumber(this.scores / graded)} (${formatPercent(this.ratios / graded)})`;
    const bands = Object.entries(this.bands)
      .map(([band, count]) => `${band} ${count}`)
      .join(', ');
    const errors = `${this.errors} error${this.errors === 1 ? '' : 's'}`;
    return `${this.rows} row${this.rows === 1 ? '' : 's'}: ${graded} graded, ${errors}; ${mean}; ${bands}`;
  }
}
