import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchResult } from '../../src/batch/batchResult.js';
import { BATCH_CSV_COLUMNS } from '../../src/batch/batchResultToCsv.js';
import { parseCsv } from '../../src/io/parseCsv.js';
import { bundledRubric } from '../../src/rubrics/bundledRubric.js';
import { CLI, type CliRun, lines, ROOT, runCli } from './runCli.js';

// These tests run the built binary (and its worker, dist/batchWorker.js) as a user would: `npm test` builds first.
// Each grades thousands of rows in child processes, so they get minutes, not the default 30 s, on a busy machine.
const TIME = '/usr/bin/time';
const UNKNOWN = 'unknown rubric "devops/nope" (not a bundled id; files must end in .yaml, .yml or .json)';

/** Run `node dist/cli.js …args` in the test's folder to completion, with minutes to spare for thousands of rows. */
function rubricate(args: readonly string[], input = ''): CliRun {
  return runCli(args, { input, cwd: dir, timeout: 120_000 });
}

/** Start `node dist/cli.js …args` in the background; `exited` resolves with its exit code or signal. */
function start(args: readonly string[]): {
  child: ChildProcess;
  exited: Promise<[number | null, string | null]>;
} {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return { child, exited: once(child, 'exit') as Promise<[number | null, string | null]> };
}

/** Poll until `ready()` holds (a process is observed, not timed: the test's own timeout bounds the wait). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await delay(10);
}

function jsonl(output: string): BatchResult[] {
  return lines(output).map((line) => JSON.parse(line) as BatchResult);
}

/** Rows complete in an output file so far: its line breaks (JSONL output never holds others). */
function rowsIn(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').length - 1;
}

/** Real answers: the marked examples of bundled rubrics, each with its rubric id. */
const EXAMPLES = [
  'devops/kpis',
  'devops/environments',
  'devops/deployment-types',
  'devops/databases',
].flatMap((id) => bundledRubric(id).examples.map((e) => ({ rubric: id, answer: e.answer })));

/** `count` JSON Lines rows of real answers and mixed rubrics, ids `r1`, `r2`, … */
function realRows(count: number, id: (i: number) => string = (i) => `r${i}`): string[] {
  return Array.from({ length: count }, (_, i) => {
    const example = EXAMPLES[i % EXAMPLES.length] as (typeof EXAMPLES)[number];
    return JSON.stringify({ id: id(i + 1), ...example });
  });
}

let dir = '';

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const SUMMARY =
  /^rubricate: (\d+) rows?: (\d+) graded, (\d+) errors?; mean score [\d.]+ \([\d.]+%\); strong (\d+), adequate (\d+), weak (\d+), insufficient (\d+)\n$/;

beforeAll(() => {
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist/batchWorker.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before vitest');
  dir = mkdtempSync(join(tmpdir(), 'rubricate-batch-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('rubricate batch', { timeout: 120_000 }, () => {
  it('writes one result per row in input order, malformed rows as error rows naming their lines, and exits 1', () => {
    const rows = realRows(1000);
    rows[99] = '{"id": "r100", "answer": ';
    rows[249] = '[1, 2]';
    rows[399] = '{"id": "r400"}';
    rows[649] = JSON.stringify({ id: 'r650', answer: 'MTTR', rubric: 'devops/nope' });
    rows[899] = JSON.stringify({ id: 'r900', answer: 'x'.repeat(100_001) });
    const input = write('thousand.jsonl', `${rows.join('\n')}\n`);

    const run = rubricate(['batch', input, '--rubric', 'devops/kpis', '--workers', '2']);
    expect(run.status).toBe(1);
    const results = jsonl(run.stdout);
    expect(results).toHaveLength(1000);
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(results.filter((r) => r.id !== null).map((r) => r.id)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `r${i + 1}`).filter((id) => id !== 'r100' && id !== 'r250'),
    );
    const errors = results.filter((r) => r.error !== undefined);
    expect(errors.map((r) => r.line)).toEqual([100, 250, 400, 650, 900]);
    expect(errors[0]?.error).toMatch(/^line 100: invalid JSON \(/);
    expect(errors.slice(1).map((r) => r.error)).toEqual([
      'line 250: expected a JSON object, got an array',
      'line 400: missing "answer"',
      `line 650: ${UNKNOWN}`,
      'line 900: answer has 100001 characters; the limit is 100000',
    ]);

    const summary = SUMMARY.exec(run.stderr);
    expect(summary?.slice(1, 4)).toEqual(['1000', '995', '5']);
    const bands = summary?.slice(4).map(Number) ?? [];
    expect(bands.reduce((a, b) => a + b, 0)).toBe(995);
  });

  it('grades each row against the rubric it names, a bundled id or a file, and makes error rows for bad rubrics', () => {
    write(
      'timing.yaml',
      'id: test/timing\ntitle: Timing\nconcepts:\n  - { id: lead-time, label: Lead time, match: [lead time] }\n',
    );
    write(
      'broken.yaml',
      'id: test/broken\ntitle: Broken\nconcepts:\n  - { id: a, label: A, match: ["lead (time"] }\n',
    );
    const rows = [
      { id: 'k', answer: 'We track MTTR.', rubric: 'devops/kpis' },
      { id: 't', answer: 'Our lead time is short.', rubric: 'timing.yaml' },
      { id: 'u', answer: 'MTTR', rubric: 'devops/nope' },
      { id: 'b', answer: 'lead time', rubric: 'broken.yaml' },
      { id: 'm', answer: 'lead time', rubric: 'missing.yaml' },
      { id: 'e', answer: 'Dev, test and production.', rubric: 'devops/environments' },
      { id: 'n', answer: 'no rubric named, no default' },
    ];
    const input = write('mixed.jsonl', rows.map((row) => JSON.stringify(row)).join('\n'));
    const run = rubricate(['batch', input, '--workers', '2']);
    expect(run.status).toBe(1);
    expect(jsonl(run.stdout).map((r) => [r.id, r.rubric, r.error ?? `${r.score}/${r.maxScore}`])).toEqual([
      ['k', 'devops/kpis', '1/3'],
      ['t', 'test/timing', '1/1'],
      ['u', 'devops/nope', `line 3: ${UNKNOWN}`],
      [
        'b',
        'broken.yaml',
        'line 4: invalid rubric: broken.yaml: concepts[0].match[0]: unclosed "(" at column 6',
      ],
      ['m', 'missing.yaml', 'line 5: cannot read rubric missing.yaml: ENOENT'],
      ['e', 'devops/environments', expect.stringMatching(/^\d+(\.\d+)?\/\d+$/)],
      ['n', null, 'line 7: no rubric: the row names none and no default rubric was given'],
    ]);
  });

  it('reads a JSONL file that starts with a byte-order mark, and makes a CSV row with broken quoting an error row', () => {
    const bom = rubricate([
      'batch',
      write('bom.jsonl', '\uFEFF{"id":"b1","answer":"MTTR"}\n{"id":"b2","answer":"MTTR"}\n'),
      '--rubric',
      'devops/kpis',
    ]);
    expect(bom.status).toBe(0);
    expect(jsonl(bom.stdout).map((r) => [r.id, r.error ?? r.score])).toEqual([
      ['b1', 1],
      ['b2', 1],
    ]);
    const lines = [
      'id,answer',
      ...Array.from({ length: 300 }, (_, i) => `r${i + 1},MTTR`),
      'bad,say "hi"',
      'last,MTTR',
    ];
    const csv = write('badquote.csv', `${lines.join('\n')}\n`);
    const outputs = ['1', '2'].map((workers) =>
      rubricate(['batch', csv, '--rubric', 'devops/kpis', '--workers', workers]),
    );
    for (const run of outputs) {
      expect(run.status).toBe(1);
      const results = jsonl(run.stdout);
      expect(results).toHaveLength(302);
      expect(results[300]?.error).toBe('line 302: unexpected quote in unquoted CSV field on line 302');
      expect(results[301]?.id).toBe('last');
    }
    expect(outputs[0]?.stdout).toBe(outputs[1]?.stdout);
  });

  it('exits 0 when every row is graded, with a one-line summary on stderr', () => {
    const input = write(
      'two.jsonl',
      '{"id":"full","answer":"We track deployment frequency, lead time for changes and mean time to recovery."}\n\n{"id":"none","answer":"We use Docker."}\n',
    );
    const run = rubricate(['batch', input, '--rubric', 'devops/kpis']);
    expect(run.status).toBe(0);
    expect(jsonl(run.stdout).map((r) => [r.id, r.line, r.error ?? r.score, r.error ?? r.band])).toEqual([
      ['full', 1, 3, 'strong'],
      ['none', 3, 0, 'insufficient'],
    ]);
    expect(run.stderr).toBe(
      'rubricate: 2 rows: 2 graded, 0 errors; mean score 1.5 (50%); strong 1, adequate 0, weak 0, insufficient 1\n',
    );
  });

  it('reads CSV input and writes CSV output, from and to files or stdin and stdout', () => {
    const csv =
      'id,answer,rubric\na1,"We track MTTR, and lead time",\na2,"Canary\nand blue-green",devops/deployment-types\na3\n';
    const input = write('answers.csv', csv);
    const toFile = rubricate(['batch', input, '--rubric', 'devops/kpis', '--out', 'results.csv']);
    expect(toFile.status).toBe(1);
    expect(toFile.stdout).toBe('');
    const written = readFileSync(join(dir, 'results.csv'), 'utf8');
    const [header, ...records] = parseCsv(written);
    expect(header).toEqual([...BATCH_CSV_COLUMNS]);
    const byColumn = records.map((fields) =>
      Object.fromEntries(BATCH_CSV_COLUMNS.map((c, i) => [c, fields[i]])),
    );
    expect(byColumn.map((r) => [r.id, r.line, r.rubric, r.score, r.met, r.error])).toEqual([
      ['a1', '2', 'devops/kpis', '2', 'lead-time;mttr', ''],
      ['a2', '3', 'devops/deployment-types', '2', 'blue-green;canary', ''],
      ['', '5', '', '', '', 'line 5: expected 3 CSV fields (id,answer,rubric), got 1'],
    ]);

    const piped = rubricate(
      ['batch', '-', '--input-format', 'csv', '--format', 'csv', '--rubric', 'devops/kpis'],
      csv,
    );
    expect(piped.stdout).toBe(written);
  });

  it('writes byte-identical output with 1 and with 2 workers', () => {
    const rows = realRows(1500);
    rows[700] = '{broken';
    const input = write('same.jsonl', rows.join('\n'));
    const one = rubricate(['batch', input, '--workers', '1']);
    const two = rubricate(['batch', input, '--workers', '2']);
    expect(one.status).toBe(1);
    expect(jsonl(one.stdout)).toHaveLength(1500);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it.each([
    [['--workers', '0'], 'rubricate: --workers must be a whole number ≥ 1, got "0"'],
    [['--workers', 'many'], 'rubricate: --workers must be a whole number ≥ 1, got "many"'],
    [['--resume'], 'rubricate: --resume needs --out FILE (the rows done are in FILE.partial)'],
    [['--rubric', 'devops/nope'], `rubricate: ${UNKNOWN}`],
  ])('exits 2 with one line on stderr for a usage error: %j', (args, message) => {
    write('usage.jsonl', '{"answer":"MTTR"}\n');
    const run = rubricate(['batch', 'usage.jsonl', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n`);
  });

  it('stops quietly with exit 0 when the reader of its output closes the pipe (`| head`)', async () => {
    write('many.jsonl', `${realRows(5000).join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'batch', 'many.jsonl', '--workers', '2'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    // Read the first chunk of rows, then close the pipe as `head` does.
    await once(child.stdout as NodeJS.ReadableStream, 'data');
    child.stdout?.destroy();
    const [code] = await exited;
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 when the input cannot be read or a format is unknown', () => {
    const missing = rubricate(['batch', 'no-such.jsonl']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('rubricate: cannot read input no-such.jsonl: ENOENT\n');
    const format = rubricate(['batch', 'usage.jsonl', '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Allowed choices are jsonl, csv');
  });

  it('exits 2 with one line naming the path when --html-dir cannot be written', () => {
    const input = write('page.jsonl', '{"id":"x","answer":"MTTR"}\n');
    const file = write('not-a-dir', '');
    const run = rubricate(['batch', input, '--rubric', 'devops/kpis', '--html-dir', file]);
    expect([run.status, run.stderr]).toEqual([2, `rubricate: cannot write ${file}: EEXIST\n`]);
  });

  it('writes one HTML page per graded row and an index with --html-dir', () => {
    const input = write(
      'pages.jsonl',
      [
        '{"id":"a1","answer":"We track <b>MTTR</b>."}',
        '{"id":"a/2","answer":"Deployment frequency and lead time."}',
        '{"id":"a3","answer":"MTTR","rubric":"devops/nope"}',
      ].join('\n'),
    );
    const run = rubricate([
      'batch',
      input,
      '--rubric',
      'devops/kpis',
      '--html-dir',
      'pages',
      '--out',
      'pages.jsonl.out',
    ]);
    expect(run.status).toBe(1);
    expect(readdirSync(join(dir, 'pages')).sort()).toEqual(['1-a1.html', '2-a_2.html', 'index.html']);
    expect(readFileSync(join(dir, 'pages/1-a1.html'), 'utf8')).toContain('&lt;b&gt;');
    const index = readFileSync(join(dir, 'pages/index.html'), 'utf8');
    expect(index).toContain('<a href="1-a1.html"><bdi>a1</bdi></a>');
    expect(index).toContain('<a href="2-a_2.html"><bdi>a/2</bdi></a>');
    expect(index).toContain(`Error: <bdi>line 3: ${UNKNOWN.replaceAll('"', '&quot;')}</bdi>`);
  });

  it('names a row with a blank id by its line in the index, so its link is never empty', () => {
    const input = write('blank-id.jsonl', '{"id":"   ","answer":"MTTR"}\n');
    const run = rubricate(['batch', input, '--rubric', 'devops/kpis', '--html-dir', 'blank-pages']);
    expect(run.status).toBe(0);
    const index = readFileSync(join(dir, 'blank-pages/index.html'), 'utf8');
    expect(index).toContain('<a href="1-_.html"><bdi>line 1</bdi></a>');
    expect(readFileSync(join(dir, 'blank-pages/1-_.html'), 'utf8')).toContain('<title>line 1 · ');
  });

  it('links rows kept by --resume only to pages that exist in --html-dir', () => {
    const input = write('resume-pages.jsonl', realRows(3).join('\n'));
    const first = rubricate(['batch', input, '--out', 'resume-pages.out.jsonl']);
    expect(first.status).toBe(0);
    // The first two rows are done, from a run without --html-dir: they have no pages.
    const done = readFileSync(join(dir, 'resume-pages.out.jsonl'), 'utf8').split('\n').slice(0, 2);
    write('resume-pages.out.jsonl.partial', `${done.join('\n')}\n`);
    const resumed = rubricate([
      'batch',
      input,
      '--out',
      'resume-pages.out.jsonl',
      '--resume',
      '--html-dir',
      'resume-pages',
    ]);
    expect(resumed.status).toBe(0);
    expect(readdirSync(join(dir, 'resume-pages')).sort()).toEqual(['3-r3.html', 'index.html']);
    const index = readFileSync(join(dir, 'resume-pages/index.html'), 'utf8');
    expect(index).toContain('<tr><td><bdi>r1</bdi></td>');
    expect(index).toContain('<tr><td><bdi>r2</bdi></td>');
    expect(index).toContain('<a href="3-r3.html"><bdi>r3</bdi></a>');
  });

  // util-linux `script` gives the run a terminal.
  it.skipIf(process.platform !== 'linux' || !existsSync('/usr/bin/script'))(
    'shows progress on stderr when it is a terminal',
    () => {
      write('tty.jsonl', realRows(20).join('\n'));
      const result = spawnSync(
        'script',
        ['-qec', `"${process.execPath}" "${CLI}" batch tty.jsonl --out tty.out`, '/dev/null'],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(result.stdout).toMatch(/rubricate: \d+ rows · \d+ errors · \d+ rows\/s · \d+%/);
      expect(result.stdout).toContain('rubricate: 20 rows: 20 graded, 0 errors;');
    },
  );
});

describe('rubricate batch --out and --resume', { timeout: 120_000 }, () => {
  const ROWS = 10_000;
  // Ids with commas, quotes and line breaks make CSV records span lines, which resuming must respect.
  const awkwardId = (i: number): string => (i % 7 === 0 ? `r${i}, "the\nseventh"` : `r${i}`);
  let reference: Record<'jsonl' | 'csv', Buffer>;

  beforeAll(() => {
    write('long.jsonl', realRows(ROWS, awkwardId).join('\n'));
    reference = { jsonl: Buffer.alloc(0), csv: Buffer.alloc(0) };
    for (const format of ['jsonl', 'csv'] as const) {
      const run = rubricate(['batch', 'long.jsonl', '--workers', '1', '--out', `reference.${format}`]);
      if (run.status !== 0) throw new Error(`reference run failed: ${run.stderr}`);
      reference[format] = readFileSync(join(dir, `reference.${format}`));
    }
  }, 120_000);

  it.each([
    ['jsonl', '{"id":"r9","line":9,"rub'],
    ['csv', '"r9, ""the\nsev'],
  ] as const)(
    'after SIGKILL, --resume completes %s output byte-identical to an uninterrupted run',
    async (format, torn) => {
      const out = `killed.${format}`;
      const partial = join(dir, `${out}.partial`);
      const args = ['batch', 'long.jsonl', '--workers', '1', '--out', out];
      const { child, exited } = start(args);
      await until(() => existsSync(partial) && statSync(partial).size > 2000);
      expect(existsSync(join(dir, out))).toBe(false);
      child.kill('SIGKILL');
      expect(await exited).toEqual([null, 'SIGKILL']);
      expect(existsSync(join(dir, out))).toBe(false);
      expect(readFileSync(partial).length).toBeLessThan(reference[format].length / 2);
      appendFileSync(partial, torn);

      const resumed = rubricate([...args, '--resume']);
      expect(resumed.stderr).toMatch(SUMMARY);
      expect(resumed.status).toBe(0);
      expect(readFileSync(join(dir, out)).equals(reference[format])).toBe(true);
      expect(existsSync(partial)).toBe(false);
    },
  );

  it('on SIGINT keeps FILE.partial with complete rows only, exits 130, and --resume finishes it', async () => {
    const partial = join(dir, 'stopped.jsonl.partial');
    const args = ['batch', 'long.jsonl', '--workers', '2', '--out', 'stopped.jsonl'];
    const { child, exited } = start(args);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await until(() => rowsIn(partial) > 0);
    child.kill('SIGINT');
    expect(await exited).toEqual([130, null]);
    expect(stderr).toMatch(
      /\nrubricate: interrupted; stopped\.jsonl\.partial holds the rows done: add --resume to continue\n$/,
    );
    expect(existsSync(join(dir, 'stopped.jsonl'))).toBe(false);
    const kept = readFileSync(partial, 'utf8');
    expect(kept.endsWith('\n')).toBe(true);
    const rows = jsonl(kept);
    expect(rows.length).toBeLessThan(ROWS);
    expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));

    const resumed = rubricate([...args, '--resume']);
    expect(resumed.status).toBe(0);
    expect(readFileSync(join(dir, 'stopped.jsonl')).equals(reference.jsonl)).toBe(true);
  });

  it('refuses to resume from a partial file of another format, leaving it untouched', () => {
    const jsonlRows = reference.jsonl.subarray(0, reference.jsonl.indexOf('\n', 2000) + 1);
    write('switched.csv.partial', jsonlRows.toString());
    const run = rubricate(['batch', 'long.jsonl', '--out', 'switched.csv', '--resume']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'rubricate: cannot resume: switched.csv.partial does not start with the batch CSV header\n',
    );
    expect(readFileSync(join(dir, 'switched.csv.partial')).equals(jsonlRows)).toBe(true);
  });

  it('refuses to resume from a partial file longer than the input', () => {
    write('short.jsonl', realRows(3).join('\n'));
    write(
      'short.out.partial',
      reference.jsonl.subarray(0, reference.jsonl.indexOf('\n', 4000) + 1).toString(),
    );
    const run = rubricate(['batch', 'short.jsonl', '--out', 'short.out', '--resume']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^rubricate: cannot resume: the output holds \d+ rows but short\.jsonl has only 3\n$/,
    );
  });
});

describe('rubricate batch memory', { timeout: 120_000 }, () => {
  /** Peak resident memory of a run, in MB, as `/usr/bin/time -v` reports it; the run must exit 0. */
  function peakMb(args: readonly string[]): number {
    const result = spawnSync(TIME, ['-v', process.execPath, CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (result.status !== 0) throw new Error(`batch exited ${result.status}: ${result.stderr}`);
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
    return Number(kb) / 1024;
  }

  // A preload that reports when the main thread (not a worker) loads the language model's package.
  const MODEL_PROBE = `const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request.includes('wink-eng-lite-web-model') || (parent?.filename ?? '').includes('wink-eng-lite-web-model'))
      process.stderr.write('probe: main thread loaded the language model\\n');
    return load.call(this, request, parent, isMain);
  };
}
`;

  it('keeps the language model out of the thread that dispatches rows to workers (its ~25 MB stay free)', () => {
    write('probe.cjs', MODEL_PROBE);
    write('few.jsonl', `${realRows(20).join('\n')}\n`);
    const probed = (args: readonly string[]) =>
      spawnSync(process.execPath, ['--require', './probe.cjs', CLI, ...args], { cwd: dir, encoding: 'utf8' });
    const batch = probed(['batch', 'few.jsonl', '--workers', '2']);
    expect(batch.status).toBe(0);
    expect(lines(batch.stdout)).toHaveLength(20);
    expect(batch.stderr).not.toContain('probe:');
    // The probe sees the model when the main thread grades: with one worker, and for `grade`.
    expect(probed(['batch', 'few.jsonl', '--workers', '1']).stderr).toContain('probe: main thread loaded');
    expect(probed(['grade', 'devops/kpis', '--text', 'MTTR']).stderr).toContain('probe: main thread loaded');
  });

  const ANSWERS = [
    'We track deployment frequency and MTTR.',
    'Lead time for changes and the change failure rate.',
    'Lines of code per developer.',
    'How often we deploy, and the time to restore service after an incident.',
    'Uptime and the number of tickets closed.',
  ];

  // GNU time (`-v`) reports the peak resident memory of the whole process, worker threads included.
  it.skipIf(process.platform !== 'linux' || !existsSync(TIME))(
    'grades 100,000 rows in flat memory: peak RSS bounded, near that of 10,000 rows, level from 100,000 to 200,000',
    () => {
      const peak: Record<number, number> = {};
      for (const count of [10_000, 100_000, 200_000]) {
        const rows = Array.from({ length: count }, (_, i) =>
          JSON.stringify({ id: `a${i + 1}`, answer: ANSWERS[i % ANSWERS.length] }),
        );
        writeFileSync(join(dir, 'rows.jsonl'), `${rows.join('\n')}\n`);
        const out = `out-${count}.jsonl`;
        peak[count] = peakMb([
          'batch',
          'rows.jsonl',
          '--rubric',
          'devops/kpis',
          '--workers',
          '2',
          '--out',
          out,
        ]);
        expect(rowsIn(join(dir, out))).toBe(count);
      }
      const [small, large, larger] = [peak[10_000], peak[100_000], peak[200_000]] as [number, number, number];
      // Three threads each hold the language model, so the floor is ~190 MB; garbage then settles near 280 MB.
      expect(Math.max(small, large, larger)).toBeLessThan(320);
      expect(large - small).toBeLessThan(100);
      // Keeping each row (its result alone is ~1 KB) would add ~100 MB here; the measured gap is under 10 MB.
      expect(larger - large).toBeLessThan(40);
    },
    300_000,
  );
});
