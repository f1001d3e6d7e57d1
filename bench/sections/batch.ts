import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from '../corpus.js';
import type { Library } from '../library.js';
import { median } from '../measure.js';
import { checked, fmt, type Row } from '../table.js';
import type { SectionResult } from './speed.js';

interface BatchRun {
  workers: number;
  rows: number;
  errors: number;
  seconds: number;
  /** CPU seconds of the whole process over the run, every thread counted. */
  cpuSeconds: number;
  rowsPerSecond: number;
}

type ChildResult = { unavailable: string } | { runs: BatchRun[]; maxRssMb: number };

const CHILD = fileURLToPath(new URL('../batchChild.mjs', import.meta.url));
const TIME = '/usr/bin/time';

/**
 * Peak RSS in MB of `rubricate batch` (dist/cli.js) grading `rows` corpus rows with 2 workers, by GNU time; undefined
 * where GNU time is missing. Its dispatching thread, unlike a library caller's, never loads the language model.
 */
function cliPeakMb(
  dist: string,
  folder: string,
  corpus: readonly CorpusEntry[],
  rows: number,
): number | undefined {
  if (!existsSync(TIME)) return undefined;
  const input = join(folder, 'rows.jsonl');
  const lines = Array.from({ length: rows }, (_, i) => {
    const entry = corpus[i % corpus.length] as CorpusEntry;
    return JSON.stringify({ id: i, answer: entry.answer, rubric: entry.rubric.id });
  });
  writeFileSync(input, `${lines.join('\n')}\n`);
  const args = ['-f', '%M', process.execPath, join(dist, 'cli.js'), 'batch', input, '--workers', '2'];
  const result = spawnSync(TIME, [...args, '--out', join(folder, 'out.jsonl')], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`bench: rubricate batch exited ${result.status}: ${result.stderr}`);
  return Number(result.stderr.trim().split('\n').at(-1)) / 1024;
}

function child(dist: string, corpusFile: string, rows: number, workers: readonly number[]): ChildResult {
  const result = spawnSync(
    process.execPath,
    [CHILD, dist, corpusFile, String(rows), ...workers.map(String)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (result.status !== 0) throw new Error(`bench: batch child exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

/**
 * Two fresh processes grading half of `rows` rows each in their own thread (1 worker) at the same time, started
 * together by one shell: the work of 2 workers, split between processes that share nothing — the ceiling two cores
 * give the 2-worker ratio. Their rows/s, summed.
 */
function pairedRowsPerSecond(dist: string, corpusFile: string, rows: number): number {
  const script = '"$0" "$@" & "$0" "$@"; wait';
  const half = String(Math.ceil(rows / 2));
  const result = spawnSync('/bin/sh', ['-c', script, process.execPath, CHILD, dist, corpusFile, half, '1'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0)
    throw new Error(`bench: paired batch children exited ${result.status}: ${result.stderr}`);
  const runs = result.stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { runs: BatchRun[] }).runs[0] as BatchRun);
  if (runs.length !== 2) throw new Error(`bench: expected 2 paired batch results, got ${runs.length}`);
  return runs.reduce((sum, run) => sum + run.rowsPerSecond, 0);
}

/** One round of the speed comparison: each figure from its own fresh process (or pair), run one after another. */
interface SpeedRound {
  one: BatchRun;
  two: BatchRun;
  pairedRowsPerSecond: number;
}

/**
 * gradeBatch in fresh processes over answers cycled from the corpus. Each of `rounds` rounds measures, one after
 * another in fresh processes, `speedRows` rows with 2 workers, with 1 worker (the calling thread), and split between
 * two processes with 1 worker each (the ceiling); ratios are taken within a round and the median over rounds is
 * reported, since the machine's speed drifts between minutes. Then the peak RSS of a process grading `rssRows` rows
 * with 2 workers, through the library and through the CLI, and the same rows with 1 worker: over that many rows,
 * start-up (each worker thread loads the model and compiles its code) weighs little in 2 ÷ 1. The cores 1 worker
 * keeps busy (CPU ÷ wall time: V8's compiler and collector threads run beside it) bound 2 ÷ 1 from above.
 */
export function batchSection(
  { dist }: Library,
  corpus: readonly CorpusEntry[],
  speedRows: number,
  rssRows: number,
  rounds: number,
): SectionResult {
  const folder = mkdtempSync(join(tmpdir(), 'rubricate-bench-'));
  try {
    const corpusFile = join(folder, 'corpus.json');
    writeFileSync(corpusFile, JSON.stringify(corpus.map((e) => ({ answer: e.answer, rubric: e.rubric.id }))));
    // A build without gradeBatch (an older version under --dist) is reported, not measured.
    const probe = child(dist, corpusFile, 0, []);
    if ('unavailable' in probe) {
      const row: Row = {
        section: 'batch',
        measure: 'gradeBatch',
        value: `not measured: ${probe.unavailable}`,
      };
      return { rows: [row], data: { unavailable: probe.unavailable } };
    }
    const runOf = (rows: number, workers: number): BatchRun & { maxRssMb: number } => {
      const result = child(dist, corpusFile, rows, [workers]);
      if ('unavailable' in result) throw new Error('bench: gradeBatch vanished between runs');
      return { ...(result.runs[0] as BatchRun), maxRssMb: result.maxRssMb };
    };
    const speed: SpeedRound[] = [];
    for (let round = 0; round < rounds; round++) {
      const two = runOf(speedRows, 2);
      const one = runOf(speedRows, 1);
      speed.push({ one, two, pairedRowsPerSecond: pairedRowsPerSecond(dist, corpusFile, speedRows) });
    }
    const medianOf = (f: (r: SpeedRound) => number): number => median(speed.map(f));
    const memory = runOf(rssRows, 2);
    const longOne = runOf(rssRows, 1);
    const coresBusy = medianOf((r) => r.one.cpuSeconds / r.one.seconds);
    const cores = availableParallelism();
    const section = 'batch';
    const over = rounds > 1 ? `, median of ${rounds} rounds` : '';
    const rows: Row[] = [
      {
        section,
        measure: `gradeBatch, ${fmt(speedRows)} rows, 1 worker${over}`,
        value: `${fmt(medianOf((r) => r.one.rowsPerSecond))} rows/s`,
      },
      {
        section,
        measure: `gradeBatch, ${fmt(speedRows)} rows, 2 workers${over}`,
        value: `${fmt(medianOf((r) => r.two.rowsPerSecond))} rows/s`,
      },
      checked(
        section,
        '2 workers ÷ 1 worker',
        medianOf((r) => r.two.rowsPerSecond / r.one.rowsPerSecond),
        '×',
        '≥',
        1.7,
      ),
      {
        section,
        measure:
          '2 processes at once, half the rows and 1 worker each ÷ 1 worker (the ceiling for 2 workers)',
        value: `${medianOf((r) => r.pairedRowsPerSecond / r.one.rowsPerSecond).toFixed(2)}×`,
      },
      {
        section,
        measure: `cores 1 worker keeps busy (process CPU ÷ wall time)${over}`,
        value: coresBusy.toFixed(2),
      },
      {
        section,
        measure: `${cores} cores ÷ cores 1 worker keeps busy (the most 2 ÷ 1 can reach here)`,
        value: `${(cores / coresBusy).toFixed(2)}×`,
      },
      {
        section,
        measure: `2 workers ÷ 1 worker, ${fmt(rssRows)} rows (${fmt(memory.rowsPerSecond)} ÷ ${fmt(longOne.rowsPerSecond)} rows/s)`,
        value: `${(memory.rowsPerSecond / longOne.rowsPerSecond).toFixed(2)}×`,
      },
      checked(section, `peak RSS, ${fmt(rssRows)} rows, 2 workers`, memory.maxRssMb, ' MB', '≤', 250),
    ];
    const cliMb = cliPeakMb(dist, folder, corpus, rssRows);
    if (cliMb !== undefined)
      rows.push(
        checked(
          section,
          `peak RSS, ${fmt(rssRows)} rows, rubricate batch --workers 2`,
          cliMb,
          ' MB',
          '≤',
          250,
        ),
      );
    return {
      rows,
      data: { speed, memory, longOne, cliMaxRssMb: cliMb ?? null },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
