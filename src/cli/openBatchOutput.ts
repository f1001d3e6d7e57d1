import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { BatchResult } from '../batch/batchResult.js';
import { BATCH_CSV_HEADER } from '../batch/batchResultToCsv.js';
import type { RecordFormat } from '../io/readRecords.js';
import { fileError } from './fileError.js';
import { readPartial } from './readPartial.js';

/** Where batch results go: stdout, or `FILE.partial` renamed to FILE once complete. */
export interface BatchOutput {
  /** Input rows already in the output (from `--resume`), to skip. */
  skip: number;
  /** Write text, waiting while the stream's buffer is full. */
  write(text: string): Promise<void>;
  /** Flush and close, keeping `FILE.partial` (after an interruption, or before `commit`). */
  close(): Promise<void>;
  /** Rename `FILE.partial` to FILE: the output is complete. */
  commit(): Promise<void>;
}

async function writeTo(stream: Writable, text: string, name: string): Promise<void> {
  try {
    if (!stream.write(text)) await once(stream, 'drain');
  } catch (error) {
    throw fileError('write', name, error);
  }
}

/**
 * Open the output of `rubricate batch`. With a file, rows go to `FILE.partial`; with `resume`, the rows
 * already there are kept (a torn last row cut), passed to `onResumedRow` and counted in `skip`.
 */
export async function openBatchOutput(
  out: string | undefined,
  format: RecordFormat,
  resume: boolean,
  onResumedRow: (result: BatchResult) => void,
): Promise<BatchOutput> {
  const header = format === 'csv' ? BATCH_CSV_HEADER : '';
  if (out === undefined) {
    if (header) await writeTo(process.stdout, header, 'stdout');
    return {
      skip: 0,
      write: (text) => writeTo(process.stdout, text, 'stdout'),
      close: async () => {},
      commit: async () => {},
    };
  }
  const partial = `${out}.partial`;
  const kept =
    resume && existsSync(partial) ? await readPartial(partial, format, onResumedRow) : { rows: 0, bytes: 0 };
  let stream: Writable;
  try {
    const handle = await open(partial, kept.bytes > 0 ? 'a' : 'w');
    stream = handle.createWriteStream({ flush: true });
  } catch (error) {
    throw fileError('write', partial, error);
  }
  let failure: unknown;
  stream.on('error', (error) => {
    failure = error;
  });
  if (kept.bytes === 0 && header) await writeTo(stream, header, partial);
  return {
    skip: kept.rows,
    write: async (text) => {
      if (failure !== undefined) throw fileError('write', partial, failure);
      await writeTo(stream, text, partial);
    },
    close: async () => {
      if (!stream.closed) {
        stream.end();
        // Rejects when the stream fails instead; `failure` holds why.
        await once(stream, 'close').catch(() => {});
      }
      if (failure !== undefined) throw fileError('write', partial, failure);
    },
    commit: () => rename(partial, out),
  };
}
