import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Calibration } from '../../src/calibrate/calibrate.js';
import { runCli } from './runCli.js';

const RUBRIC = 'test/fixtures/calibrate/safer-deploys.yaml';
const JSONL = 'test/fixtures/calibrate/marked.jsonl';
const CSV = 'test/fixtures/calibrate/marked.csv';
const dir = mkdtempSync(join(tmpdir(), 'rubricate-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rubricate calibrate', () => {
  it('prints the agreement report for a JSONL file, warns about bad rows on stderr and exits 0', () => {
    const run = runCli(['calibrate', RUBRIC, JSONL]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('5 marked answers compared, 2 rows skipped; scores rounded to 0, 1, 2, 3');
    expect(run.stdout).toContain('Exact agreement       80%');
    expect(run.stdout).toContain('Quadratic kappa       0.416');
    expect(run.stdout).toContain('human╲rubricate  0  1  2  3\n0                1  0  0  0\n');
    expect(run.stdout).toContain('impact         1.00    0.50  0.67      2          1');
    expect(run.stdout).toContain(
      'Worst disagreements\nline 3: human 3, rubricate 0 (−3)\n  "Ship small changes with feature flags and keep the blast radius small."',
    );
    expect(run.stderr).toBe(
      `rubricate: ${JSONL}: line 4: score "many" is not a number (skipped)\n` +
        `rubricate: ${JSONL}: line 6: missing answer (skipped)\n`,
    );
  });

  it('reads CSV with ;-separated concepts and gives the same figures', () => {
    const csv = runCli(['calibrate', RUBRIC, CSV, '--format', 'json']);
    const jsonl = runCli(['calibrate', RUBRIC, JSONL, '--format', 'json']);
    expect(csv.status).toBe(0);
    const fromCsv = JSON.parse(csv.stdout) as Calibration;
    const fromJsonl = JSON.parse(jsonl.stdout) as Calibration;
    expect(fromCsv.skipped).toEqual([
      { line: 5, message: 'score "many" is not a number' },
      { line: 7, message: 'missing answer' },
    ]);
    const figures = ({ n, exact, adjacent, qwk, pearson, confusion, concepts }: Calibration) => ({
      n,
      exact,
      adjacent,
      qwk,
      pearson,
      confusion,
      concepts,
    });
    expect(figures(fromCsv)).toEqual(figures(fromJsonl));
    expect(fromCsv.worst[0]).toMatchObject({ line: 4, human: 3, rubricate: 0, missing: ['impact'] });
  });

  it('prints JSON with --format json and limits the disagreements with --worst', () => {
    const run = runCli(['calibrate', RUBRIC, JSONL, '--format', 'json', '--worst', '1']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Calibration;
    expect(result).toMatchObject({ n: 5, maxScore: 3, exact: 0.8, adjacent: 0.8 });
    expect(result.worst.map((d) => d.line)).toEqual([3]);
    expect(result.worst[0]?.concepts.map((c) => c.status)).toEqual(['missing', 'missing', 'missing']);
  });

  it('reads a row with invalid JSON as skipped, not a crash', () => {
    const file = join(dir, 'broken.jsonl');
    writeFileSync(file, '{"answer": "We use canary releases.", "score": 1}\n{oops\n');
    const run = runCli(['calibrate', RUBRIC, file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 marked answer compared, 1 row skipped');
    expect(run.stderr).toMatch(/^rubricate: .*broken\.jsonl: line 2: invalid JSON \(.*\) \(skipped\)\n$/);
  });

  it('exits 2 with one line on stderr for a bad option, an unreadable file or an invalid rubric', () => {
    const badOption = runCli(['calibrate', RUBRIC, JSONL, '--worst', 'all']);
    expect(badOption).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'rubricate: --worst must be a whole number ≥ 0, got "all"\n',
    });
    const missing = runCli(['calibrate', RUBRIC, 'no-such-file.csv']);
    expect(missing).toMatchObject({
      status: 2,
      stderr: 'rubricate: cannot read marked answers no-such-file.csv: ENOENT\n',
    });
    const rubric = join(dir, 'bad.yaml');
    writeFileSync(rubric, 'id: bad\ntitle: Bad\nconcepts: []\n');
    const invalid = runCli(['calibrate', rubric, JSONL]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^rubricate: invalid rubric: .*bad\.yaml: concepts: /);
    expect(runCli(['calibrate', RUBRIC]).status).toBe(2);
  });
});
