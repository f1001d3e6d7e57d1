import { createReadStream } from 'node:fs';
import { open, truncate } from 'node:fs/promises';
import type { BatchResult } from '../batch/batchResult.js';
import { BATCH_CSV_HEADER } from '../batch/batchResultToCsv.js';
import { InputError } from '../errors.js';
import { type InputRecord, type RecordFormat, readRecords } from '../io/readRecords.js';
import type { Band, Flag } from '../report/types.js';

const BANDS: readonly unknown[] = ['strong', 'adequate', 'weak', 'insufficient'];

/**
 * Bytes up to the end of the last complete record: after the last line break (JSONL), or after the last
 * line break outside quotes (CSV, whose quoted fields may hold line breaks).
 */
async function completeLength(file: string, format: RecordFormat): Promise<number> {
  let offset = 0;
  let end = 0;
  let quoted = false;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22 && format === 'csv') quoted = !quoted;
      else if (byte === 0x0a && !quoted) end = offset + i + 1;
    }
    offset += chunk.length;
  }
  return end;
}

async function startsWith(file: string, text: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Buffer.byteLength(text));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8') === text;
  } finally {
    await handle.close();
  }
}

/** A row of earlier output read back (JSON values, or CSV strings), or an InputError when it is not one. */
function resultOf(record: InputRecord, file: string, format: RecordFormat): BatchResult {
  const v = record.value;
  const line = Number(v?.line);
  if (!v || !Number.isInteger(line) || (!v.error && !BANDS.includes(v.band)))
    throw new InputError(
      'unreadable',
      `rubricate: cannot resume: line ${record.line} of ${file} is not a ${format} result row`,
    );
  const id = v.id === null || v.id === undefined || v.id === '' ? null : String(v.id);
  const rubric = v.rubric === null || v.rubric === undefined || v.rubric === '' ? null : String(v.rubric);
  if (v.error) return { id, line, rubric, error: String(v.error) };
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.map(String) : String(value).split(';').filter(Boolean);
  return {
    id,
    line,
    rubric: String(rubric),
    score: Number(v.score),
    maxScore: Number(v.maxScore),
    ratio: Number(v.ratio),
    band: v.band as Band,
    passed: v.passed === true || v.passed === 'true',
    met: list(v.met),
    partial: list(v.partial),
    negated: list(v.negated),
    missing: list(v.missing),
    flags: list(v.flags) as Flag[],
  };
}

/**
 * Read the output of an interrupted run back from `file` (a `.partial`): pass each complete row to `onRow`,
 * then cut a torn last row, and return how many rows it holds and its length in bytes after the cut. A file
 * that is not batch output in `format` is left untouched and rejected with an InputError.
 */
export async function readPartial(
  file: string,
  format: RecordFormat,
  onRow: (result: BatchResult) => void,
): Promise<{ rows: number; bytes: number }> {
  const bytes = await completeLength(file, format);
  if (bytes === 0) return { rows: 0, bytes };
  if (format === 'csv' && !(await startsWith(file, BATCH_CSV_HEADER)))
    throw new InputError(
      'unreadable',
      `rubricate: cannot resume: ${file} does not start with the batch CSV header`,
    );
  let rows = 0;
  try {
    const complete = createReadStream(file, { encoding: 'utf8', end: bytes - 1 });
    for await (const record of readRecords(complete, format)) {
      onRow(resultOf(record, file, format));
      rows++;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = (error as Error).message.replace(/^rubricate: /, '');
    throw new InputError('unreadable', `rubricate: cannot resume from ${file}: ${reason}`);
  }
  await truncate(file, bytes);
  return { rows, bytes };
}
