import { describe, expect, it } from 'vitest';
import type { BatchGraded } from '../../src/batch/batchResult.js';
import { batchResultToJsonl } from '../../src/batch/batchResultToJsonl.js';
import { grade } from '../../src/grade.js';
import { bundledRubric } from '../../src/rubrics/bundledRubric.js';

const graded: BatchGraded = {
  id: 'a1',
  line: 1,
  rubric: 'devops/kpis',
  score: 1,
  maxScore: 3,
  ratio: 0.3333,
  band: 'weak',
  passed: false,
  met: ['mttr'],
  partial: [],
  negated: [],
  missing: ['deployment-frequency', 'lead-time', 'change-failure-rate'],
  flags: ['too-short'],
};

describe('batchResultToJsonl', () => {
  it('writes one line with the keys in a fixed order', () => {
    expect(batchResultToJsonl(graded)).toBe(
      '{"id":"a1","line":1,"rubric":"devops/kpis","score":1,"maxScore":3,"ratio":0.3333,"band":"weak","passed":false,"met":["mttr"],"partial":[],"negated":[],"missing":["deployment-frequency","lead-time","change-failure-rate"],"flags":["too-short"]}\n',
    );
  });

  it('leaves out an attached report, so no timing ever reaches the output', () => {
    const report = grade(bundledRubric('devops/kpis'), 'We track MTTR.');
    expect(batchResultToJsonl({ ...graded, report })).toBe(batchResultToJsonl(graded));
  });

  it('writes an error row as id, line, rubric and error, on one line whatever the message holds', () => {
    const line = batchResultToJsonl({ id: 'x', line: 4, rubric: null, error: 'line 4: two\nlines' });
    expect(line).toBe('{"id":"x","line":4,"rubric":null,"error":"line 4: two\\nlines"}\n');
  });
});
