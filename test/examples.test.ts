import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', `examples/${file}`], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url),
  });

describe('examples/ run as written', () => {
  it('grade-one-answer prints a full-score kpis report', () => {
    const { stdout, status } = run('grade-one-answer.ts');
    expect(status).toBe(0);
    expect(stdout).toContain('Score 3/3 (100%) · strong · passed');
  });

  it('custom-rubric credits both differences', () => {
    const { stdout, status } = run('custom-rubric.ts');
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('2/2 connection:met reliability:met');
  });

  it('feedback-message lists what was covered and what to add', () => {
    const { stdout, status } = run('feedback-message.ts');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^You scored 3 out of 5 \(adequate\)\./);
    expect(stdout).toContain('To improve:');
  });

  it('grade-many grades every answer in order', () => {
    const { stdout, status } = run('grade-many.ts');
    expect(status).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['c1', 'c2', 'c3']);
    expect(rows.map((r) => r[3])).toEqual(['pass', 'fail', 'fail']);
  });
});
