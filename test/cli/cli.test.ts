import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/index.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import { CLI, lines, ROOT, runCli as rubricate } from './runCli.js';

// These tests run the built binary as a user would: `npm test` builds before vitest; nothing here rebuilds.

const FULL_ANSWER = 'We track deployment frequency, lead time for changes and mean time to recovery.';
const WRONG_ANSWER = 'We use Docker, Kubernetes and Jenkins.';
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const ESCAPES = /[\u001b\u0007\u009b]/;

let dir = '';

/** Write a file into the test's temporary folder and return its name (relative to that folder). */
function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const RUBRIC_HEADER = `id: test/timing
title: Timing metrics
concepts:
  - id: lead-time
    label: Lead time
    match: [lead time]
  - id: mttr
    label: Mean time to recovery
    match: [mean time to recovery]
`;

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does) before vitest`);
  dir = mkdtempSync(join(tmpdir(), 'rubricate-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('rubricate grade', () => {
  it('grades an answer given with --text and exits 0', () => {
    const run = rubricate(['grade', 'devops/kpis', '--text', FULL_ANSWER]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Score 3/3');
    expect(run.stdout).toContain('"lead time for changes" at 31–52');
  });

  it('grades an answer read from a file', () => {
    const file = join(dir, write('answer.txt', `${FULL_ANSWER}\n`));
    const run = rubricate(['grade', 'devops/kpis', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Score 3/3');
  });

  it('grades an answer piped on stdin', () => {
    const run = rubricate(['grade', 'devops/kpis'], { input: WRONG_ANSWER });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Score 0/3');
    expect(run.stdout).toContain('✗ Missing Deployment frequency');
  });

  it('grades with a rubric file as well as a bundled id', () => {
    const rubric = write('timing.yaml', RUBRIC_HEADER);
    const run = rubricate(['grade', rubric, '--text', 'We watch lead time.'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Timing metrics (test/timing)');
    expect(run.stdout).toContain('Score 1/2');
  });

  it('prints the GradeReport with --format json, its evidence pointing into the answer', () => {
    const run = rubricate(['grade', 'devops/kpis', '--text', FULL_ANSWER, '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as GradeReport;
    expect(report.answer).toBe(FULL_ANSWER);
    expect(report.score).toBe(3);
    expect(report.maxScore).toBe(3);
    expect(report.concepts.map((c) => [c.id, c.status])).toEqual([
      ['deployment-frequency', 'met'],
      ['lead-time', 'met'],
      ['mttr', 'met'],
      ['change-failure-rate', 'missing'],
    ]);
    const evidence = report.concepts.flatMap((c) => c.evidence);
    expect(evidence.length).toBeGreaterThanOrEqual(3);
    for (const e of evidence) expect(report.answer.slice(e.start, e.end)).toBe(e.text);
  });

  it('scores an answer that names no KPI 0 in json', () => {
    const run = rubricate(['grade', 'devops/kpis', '--text', WRONG_ANSWER, '--format', 'json']);
    const report = JSON.parse(run.stdout) as GradeReport;
    expect(report.score).toBe(0);
    expect(report.concepts.every((c) => c.evidence.length === 0)).toBe(true);
  });

  it('renders markdown with --format markdown', () => {
    const run = rubricate(['grade', 'devops/kpis', '--text', FULL_ANSWER, '--format', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^## Three important DevOps KPIs\n/);
    expect(run.stdout).toContain('**Score 3/3**');
    expect(run.stdout).toContain('| Concept |');
  });

  it('renders a self-contained html page without scripts, escaping the answer', () => {
    const answer = `${FULL_ANSWER} <script>alert(1)</script> <img src=x onerror=alert(1)>`;
    const run = rubricate(['grade', 'devops/kpis', '--text', answer, '--format', 'html']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(run.stdout).toContain('Three important DevOps KPIs');
    expect(run.stdout.toLowerCase()).not.toContain('<script');
    expect(run.stdout.toLowerCase()).not.toContain('<img');
    expect(run.stdout).toContain('&lt;script&gt;');
  });

  it('prints no ANSI colour when stdout is a pipe, with or without NO_COLOR', () => {
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const run = rubricate(['grade', 'devops/kpis', '--text', FULL_ANSWER], { env });
      expect(run.status).toBe(0);
      expect(run.stdout).not.toMatch(ESCAPES);
    }
  });

  it('strips terminal escape sequences that come from the answer', () => {
    const answer =
      'time from commit \u001b]0;title\u0007 to production and time from merge \u001b[31m to prod';
    const json = JSON.parse(
      rubricate(['grade', 'devops/kpis', '--text', answer, '--format', 'json']).stdout,
    ) as GradeReport;
    const quoted = json.concepts.flatMap((c) => c.evidence.map((e) => e.text));
    // The premise: the evidence itself holds both sequences, so the text report would print them unless stripped.
    expect(quoted.join(' ')).toContain('\u001b[31m');
    expect(quoted.join(' ')).toContain('\u001b]0;title\u0007');

    const run = rubricate(['grade', 'devops/kpis', '--text', answer]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"time from commit  to production"');
    expect(run.stdout).not.toMatch(ESCAPES);
    expect(run.stdout).not.toContain(']0;title');
  });
});

describe('rubricate errors', () => {
  it('exits 2 when the answer is given twice, with --text and as a file, instead of ignoring the file', () => {
    const run = rubricate(['grade', 'devops/kpis', '--text', FULL_ANSWER, 'missing-answer.txt']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'rubricate: give the answer once: --text or the file missing-answer.txt, not both',
    ]);
  });

  it('exits 2 with one stderr line when the rubric id is unknown', () => {
    const run = rubricate(['grade', 'devops/nope', '--text', FULL_ANSWER]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'rubricate: unknown rubric "devops/nope" (not a bundled id; files must end in .yaml, .yml or .json)',
    ]);
  });

  it('exits 2 and names the file and the path when the rubric is invalid', () => {
    const rubric = write('bad-pattern.yaml', RUBRIC_HEADER.replace('[lead time]', '["lead (time"]'));
    const run = rubricate(['grade', rubric, '--text', FULL_ANSWER], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'rubricate: invalid rubric: bad-pattern.yaml: concepts[0].match[0]: unclosed "(" at column 6',
    ]);
  });

  it('exits 2 and names the misspelt key in a rubric', () => {
    const rubric = write(
      'bad-key.yaml',
      RUBRIC_HEADER.replace('    label: Lead time', '    lable: Lead time'),
    );
    const run = rubricate(['grade', rubric, '--text', FULL_ANSWER], { cwd: dir });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^rubricate: invalid rubric: bad-key\.yaml: concepts\[0\]/);
    expect(run.stderr).toContain('lable');
  });

  it('exits 2 and names the file and the line when the rubric is not valid YAML', () => {
    const rubric = write('syntax.yaml', 'id: test/syntax\ntitle: [unclosed\n  foo: : bar\n');
    const run = rubricate(['grade', rubric, '--text', FULL_ANSWER], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^rubricate: invalid rubric: syntax\.yaml: line \d+, column \d+: invalid YAML: /,
    );
  });

  it('exits 2 and names the file when the rubric file does not exist', () => {
    const run = rubricate(['grade', 'missing.yaml', '--text', FULL_ANSWER], { cwd: dir });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['rubricate: cannot read rubric missing.yaml: ENOENT']);
  });

  it('exits 2 and names the file when the answer file does not exist', () => {
    const run = rubricate(['grade', 'devops/kpis', 'no-such-answer.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual(['rubricate: cannot read answer no-such-answer.txt: ENOENT']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'exits 2 when the answer file cannot be read',
    () => {
      const file = write('locked.txt', FULL_ANSWER);
      chmodSync(join(dir, file), 0o000);
      const run = rubricate(['grade', 'devops/kpis', file], { cwd: dir });
      expect(run.status).toBe(2);
      expect(lines(run.stderr)).toEqual(['rubricate: cannot read answer locked.txt: EACCES']);
    },
  );

  it('refuses an answer file too large to fit the length limit before reading it, and a too-long stdin', () => {
    // A sparse 1 GB file: reading it first would take a second and a gigabyte of memory.
    const file = write('huge.txt', '');
    truncateSync(join(dir, file), 2 ** 30);
    const huge = rubricate(['grade', 'devops/kpis', file], { cwd: dir });
    expect(huge.status).toBe(2);
    expect(lines(huge.stderr)).toEqual([
      'rubricate: answer huge.txt has 1073741824 bytes, more than the limit of 100000 characters can take',
    ]);
    const piped = rubricate(['grade', 'devops/kpis'], { input: 'x'.repeat(400_001) });
    expect(piped.status).toBe(2);
    expect(lines(piped.stderr)).toEqual([
      'rubricate: standard input has more than 400000 bytes, more than the limit of 100000 characters can take',
    ]);
    // Under 4 bytes per allowed character, the file is read and its length checked in characters.
    const long = rubricate(['grade', 'devops/kpis', write('long.txt', 'x'.repeat(100_001))], { cwd: dir });
    expect(lines(long.stderr)).toEqual(['rubricate: answer has 100001 characters; the limit is 100000']);
  });

  it('exits 2 on an unknown command', () => {
    const run = rubricate(['grades', 'devops/kpis']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown command 'grades'");
  });

  it('exits 2 on an unknown option', () => {
    const run = rubricate(['grade', 'devops/kpis', '--txt', FULL_ANSWER]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown option '--txt'");
  });

  it('exits 2 on an unknown format', () => {
    const run = rubricate(['grade', 'devops/kpis', '--text', FULL_ANSWER, '--format', 'pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Allowed choices are text, markdown, json, html');
  });
});

describe('rubricate list, schema and --version', () => {
  it('lists the bundled rubrics with their titles', () => {
    const run = rubricate(['list']);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toContainEqual(
      expect.stringMatching(/^devops\/kpis +Three important DevOps KPIs$/),
    );
  });

  it('prints the same JSON Schema as rubrics/rubric.schema.json', () => {
    const run = rubricate(['schema']);
    expect(run.status).toBe(0);
    const committed: unknown = JSON.parse(readFileSync(join(ROOT, 'rubrics/rubric.schema.json'), 'utf8'));
    expect(JSON.parse(run.stdout)).toEqual(committed);
  });

  it('prints the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = rubricate(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('rubricate check', () => {
  const example = (score: number): string =>
    `${RUBRIC_HEADER}examples:\n  - answer: We measure lead time and mean time to recovery.\n    score: ${score}\n`;

  it('exits 0 when every example agrees with its marked score', () => {
    const rubric = write('agree.yaml', example(2));
    const run = rubricate(['check', rubric], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual(['✓ test/timing: 1/1 examples agree']);
  });

  it('exits 1 and prints the expected and actual score of a wrong example', () => {
    const rubric = write('disagree.yaml', example(1));
    const run = rubricate(['check', rubric], { cwd: dir });
    expect(run.status).toBe(1);
    expect(lines(run.stdout)).toEqual([
      '✗ test/timing: 0/1 examples agree',
      '    examples[0] expected 1, got 2: "We measure lead time and mean time to recovery."',
    ]);
  });

  it('lets --tolerance widen the allowed difference', () => {
    const rubric = write('near-miss.yaml', example(1.5));
    expect(rubricate(['check', rubric], { cwd: dir }).status).toBe(1);
    expect(rubricate(['check', rubric, '--tolerance', '0.4'], { cwd: dir }).status).toBe(1);
    const run = rubricate(['check', rubric, '--tolerance', '0.5'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ test/timing: 1/1 examples agree');
  });

  it('exits 2 and names the file and path of an invalid rubric, even beside a mismatch', () => {
    const invalid = write('check-invalid.yaml', RUBRIC_HEADER.replace('[lead time]', '["lead (time"]'));
    const wrong = write('check-wrong.yaml', example(1));
    const run = rubricate(['check', invalid, wrong], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('✗ check-invalid.yaml: concepts[0].match[0]: unclosed "(" at column 6');
    expect(run.stdout).toContain('examples[0] expected 1, got 2');
  });

  it('checks a bundled id, and folders whatever the letter case of the extension', () => {
    expect(lines(rubricate(['check', 'devops/kpis'], { cwd: dir }).stdout)).toEqual([
      '✓ devops/kpis: 11/11 examples agree',
    ]);
    const folder = join(dir, 'cased');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'UPPER.YAML'), example(2));
    writeFileSync(join(folder, 'db-schema.json'), JSON.stringify(parseRubric(example(2))));
    writeFileSync(join(folder, 'rubric.schema.json'), '{}');
    const run = rubricate(['check', folder], { cwd: dir });
    expect([run.status, lines(run.stdout)]).toEqual([
      0,
      ['✓ test/timing: 1/1 examples agree', '✓ test/timing: 1/1 examples agree'],
    ]);
  });

  it('exits 2 with one line for a missing path, an empty folder or a file that is not UTF-8', () => {
    const missing = rubricate(['check', 'missing.yaml'], { cwd: dir });
    expect([missing.status, missing.stderr]).toEqual([2, 'rubricate: cannot read missing.yaml: ENOENT\n']);
    mkdirSync(join(dir, 'empty-folder'), { recursive: true });
    const empty = rubricate(['check', 'empty-folder'], { cwd: dir });
    expect([empty.status, empty.stderr]).toEqual([
      2,
      'rubricate: no rubric files (.yaml, .yml, .json) in empty-folder\n',
    ]);
    writeFileSync(
      join(dir, 'latin1.yaml'),
      Buffer.from(example(2).replace('title: Timing metrics', 'title: Caf\u00e9'), 'latin1'),
    );
    const latin = rubricate(['check', 'latin1.yaml'], { cwd: dir });
    expect([latin.status, lines(latin.stdout)]).toEqual([2, ['✗ latin1.yaml: file is not valid UTF-8 text']]);
  });

  it('exits 2 on a tolerance that is not a number', () => {
    const rubric = write('tolerance.yaml', example(2));
    const run = rubricate(['check', rubric, '--tolerance', 'lots'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['rubricate: --tolerance must be a number ≥ 0, got "lots"']);
  });
});
