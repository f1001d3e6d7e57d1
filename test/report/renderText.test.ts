import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { renderReport } from '../../src/report/renderReport.js';
import { bundled } from '../helpers.js';

const report = grade(bundled('devops/kpis'), 'We track MTTR and deployment frequency.\u001b[31m');

describe('renderReport', () => {
  it('renders text with the score, each concept and its evidence, without colour by default', () => {
    const text = renderReport(report, 'text');
    expect(text).toContain('Score 2/3 (66.7%) · adequate · passed');
    expect(text).toContain('✓ Met     Mean time to recovery (MTTR) 1/1 [dora]');
    expect(text).toContain('"MTTR" at 9–13 (acronym)');
    expect(text).not.toContain('\u001b');
  });

  it('colours text only when asked', () => {
    expect(renderReport(report, 'text', { color: true })).toContain('\u001b[32m');
  });

  it('renders markdown as a table', () => {
    const md = renderReport(report, 'markdown');
    expect(md).toContain('| ✓ Met | Mean time to recovery (MTTR) | 1/1 | “MTTR” |');
    expect(md).toContain('**Score 2/3** (66.7%)');
  });

  it('renders json as the report exactly', () => {
    expect(JSON.parse(renderReport(report, 'json'))).toEqual(report);
  });
});
