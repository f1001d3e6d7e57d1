import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import { SEED_Q6 } from '../fixtures/seedAnswers.js';
import { runCli } from './runCli.js';

let dir = '';
let modelAnswer = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rubricate-draft-'));
  modelAnswer = join(dir, 'kpis.txt');
  writeFileSync(modelAnswer, SEED_Q6.answer);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('rubricate draft', () => {
  it('prints a commented YAML rubric that parses and grades its model answer fully, and exits 0', () => {
    const run = runCli(['draft', modelAnswer, '--question', SEED_Q6.question, '--id', 'devops/kpis-draft']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^# Drafted by rubricate from a model answer/);
    expect(run.stdout).toContain('  # review: from the list item "Deployment Frequency"');
    const rubric = parseRubric(run.stdout, { filename: 'draft.yaml' });
    expect(rubric).toMatchObject({ id: 'devops/kpis-draft', question: SEED_Q6.question });
    expect(rubric.concepts.map((c) => c.id)).toEqual([
      'deployment-frequency',
      'lead-time-for-changes',
      'mean-time-to-recovery-mttr',
    ]);
    expect(grade(rubric, SEED_Q6.answer).ratio).toBe(1);
  });

  it('reads the model answer from stdin with "-" and takes --title', () => {
    const run = runCli(['draft', '-', '--title', 'Density'], { input: 'Oil is less dense than corn syrup.' });
    expect(run.status).toBe(0);
    expect(parseRubric(run.stdout)).toMatchObject({ id: 'draft', title: 'Density' });
  });

  it('exits 2 with one line on stderr for an unreadable file, a bad id or an empty answer', () => {
    expect(runCli(['draft', join(dir, 'missing.txt')])).toEqual({
      status: 2,
      stdout: '',
      stderr: `rubricate: cannot read model answer ${join(dir, 'missing.txt')}: ENOENT\n`,
    });
    expect(runCli(['draft', modelAnswer, '--id', 'bad id'])).toMatchObject({
      status: 2,
      stderr:
        'rubricate: id "bad id" must start with a letter or digit, hold only letters, digits, "/", "_" or "-", and have at most 200 characters\n',
    });
    expect(runCli(['draft', '-'], { input: ' \n' })).toMatchObject({
      status: 2,
      stderr: 'rubricate: the model answer has no words to draft concepts from\n',
    });
  });

  it('exits 2 when the file argument is missing', () => {
    expect(runCli(['draft'])).toMatchObject({ status: 2, stdout: '' });
  });
});
