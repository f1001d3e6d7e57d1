import { describe, expect, it } from 'vitest';
import type { AliasSuggestions } from '../../src/suggest/suggestAliases.js';
import { runCli } from './runCli.js';

const RUBRIC = 'test/fixtures/calibrate/safer-deploys.yaml';
const MARKED = 'test/fixtures/calibrate/suggest.jsonl';

describe('rubricate suggest', () => {
  it('prints candidate aliases with counts, lift, nearest concept and examples, and exits 0', () => {
    const run = runCli(['suggest', RUBRIC, MARKED]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'phrase        high  low  lift  nearest concept\nblast radius     4    0  7.50  impact (0.47)\n',
    );
    expect(run.stdout).toContain('    line 2: "…and use canaries; a feature flag shrinks the blast radius."');
    expect(run.stderr).toBe(`rubricate: ${MARKED}: line 10: score "n/a" is not a number (skipped)\n`);
  });

  it('prints JSON with --format json, honouring --top and --min-count', () => {
    const run = runCli(['suggest', RUBRIC, MARKED, '--format', 'json', '--top', '1', '--min-count', '4']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as AliasSuggestions;
    expect(result.suggestions.map((s) => [s.phrase, s.high, s.low, s.nearest?.id])).toEqual([
      ['blast radius', 4, 0, 'impact'],
    ]);
    expect(result).toMatchObject({ highAnswers: 5, lowAnswers: 4 });
  });

  it('reads marked answers as JSON Lines from stdin with "-"', () => {
    const input = ['Keep the blast radius small.', 'Blast radius matters.', 'Cut the blast radius.']
      .map((answer) => `${JSON.stringify({ answer, score: 3 })}\n`)
      .join('');
    const run = runCli(['suggest', RUBRIC, '-', '--format', 'json'], { input });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as AliasSuggestions).suggestions[0]?.phrase).toBe('blast radius');
  });

  it('exits 2 on a bad option or an unknown rubric', () => {
    expect(runCli(['suggest', RUBRIC, MARKED, '--min-count', '0'])).toMatchObject({
      status: 2,
      stderr: 'rubricate: --min-count must be a whole number ≥ 1, got "0"\n',
    });
    expect(runCli(['suggest', 'no/such-rubric', MARKED]).status).toBe(2);
  });
});
