import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from '../corpus.js';
import type { Library } from '../library.js';
import { checked, fmt, type Row } from '../table.js';
import type { SectionResult } from './speed.js';

interface BatchRun {
  workers: number;
  rows: number;
  errors: number;
  seconds: number;
  rowsPerSecond: number;
}

type ChildResult = { unavailable: string } | { runs: BatchRun[]; maxRssMb: number };

const CHILD = fileURLToPath(new URL('../batchChild.mjs', import.meta.url));

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
 * gradeBatch in fresh processes over answers cycled from the corpus: rows/s with 2 then 1 workers over
 * `speedRows` rows (one process), and the peak RSS of a process grading `rssRows` rows with 2 workers.
 */
export function batchSection(
  { dist }: Library,
  corpus: readonly CorpusEntry[],
  speedRows: number,
  rssRows: number,
): SectionResult {
  const folder = mkdtempSync(join(tmpdir(), 'rubricate-bench-'));
  try {
    const corpusFile = join(folder, 'corpus.json');
    writeFileSync(corpusFile, JSON.stringify(corpus.map((e) => ({ answer: e.answer, rubric: e.rubric.id }))));
    const speed = child(dist, corpusFile, speedRows, [2, 1]);
    if ('unavailable' in speed) {
      const row: Row = {
        section: 'batch',
        measure: 'gradeBatch',
        value: `not measured: ${speed.unavailable}`,
      };
      return { rows: [row], data: { unavailable: speed.unavailable } };
    }
    const memory = child(dist, corpusFile, rssRows, [2]);
    if ('unavailable' in memory) throw new Error('bench: gradeBatch vanished between runs');
    const [two, one] = speed.runs as [BatchRun, BatchRun];
    const section = 'batch';
    const rows: Row[] = [
      {
        section,
        measure: `gradeBatch, ${fmt(speedRows)} rows, 1 worker`,
        value: `${fmt(one.rowsPerSecond)} rows/s`,
      },
      {
        section,
        measure: `gradeBatch, ${fmt(speedRows)} rows, 2 workers`,
        value: `${fmt(two.rowsPerSecond)} rows/s`,
      },
      checked(section, '2 workers ÷ 1 worker', two.rowsPerSecond / one.rowsPerSecond, '×', '≥', 1.7),
      checked(section, `peak RSS, ${fmt(rssRows)} rows, 2 workers`, memory.maxRssMb, ' MB', '≤', 250),
    ];
    return { rows, data: { speed: speed.runs, memory } };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
