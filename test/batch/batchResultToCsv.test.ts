import { describe, expect, it } from 'vitest';
import type { BatchFailed, BatchGraded } from '../../src/batch/batchResult.js';
import { BATCH_CSV_COLUMNS, BATCH_CSV_HEADER, batchResultToCsv } from '../../src/batch/batchResultToCsv.js';
import { parseCsv } from '../../src/io/parseCsv.js';

const graded: BatchGraded = {
  id: 'a1',
  line: 3,
  rubric: 'devops/kpis',
  score: 2.5,
  maxScore: 3,
  ratio: 0.8333,
  band: 'adequate',
  passed: true,
  met: ['deployment-frequency', 'mttr'],
  partial: ['lead-time'],
  negated: [],
  missing: ['change-failure-rate'],
  flags: ['too-short', 'keyword-list'],
};

const failed: BatchFailed = {
  id: null,
  line: 7,
  rubric: null,
  error: 'line 7: invalid JSON (Unexpected token)',
};

/** The record as a column → value object, read back with rubricate's own CSV parser. */
function readBack(record: string): Record<string, string> {
  const [header, fields] = parseCsv(BATCH_CSV_HEADER + record);
  return Object.fromEntries((header ?? []).map((name, i) => [name, fields?.[i] ?? '']));
}

describe('batchResultToCsv', () => {
  it('writes a graded row under the documented columns, lists joined with ";"', () => {
    expect(BATCH_CSV_HEADER).toBe(`${BATCH_CSV_COLUMNS.join(',')}\n`);
    expect(batchResultToCsv(graded)).toBe(
      'a1,3,devops/kpis,2.5,3,0.8333,adequate,true,deployment-frequency;mttr,lead-time,,change-failure-rate,too-short;keyword-list,\n',
    );
  });

  it('leaves the grading columns of an error row empty and fills "error"', () => {
    expect(readBack(batchResultToCsv(failed))).toEqual({
      id: '',
      line: '7',
      rubric: '',
      score: '',
      maxScore: '',
      ratio: '',
      band: '',
      passed: '',
      met: '',
      partial: '',
      negated: '',
      missing: '',
      flags: '',
      error: 'line 7: invalid JSON (Unexpected token)',
    });
  });

  it('quotes ids holding commas, quotes or line breaks so they read back unchanged', () => {
    const id = 'Smith, "J"\nrow 2';
    const record = batchResultToCsv({ ...graded, id });
    expect(record).toMatch(/^"Smith, ""J""\nrow 2",3,/);
    expect(readBack(record).id).toBe(id);
  });
});
