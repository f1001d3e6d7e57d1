import { type FileHandle, open } from 'node:fs/promises';
import { fileError } from './fileError.js';

/** The text of a batch input, and for a regular file the share of it read so far (for progress and ETA). */
export interface BatchInput {
  chunks: AsyncIterable<string>;
  fraction?: () => number;
  /** Stop reading (when the run fails before it starts). */
  close(): void;
}

/** Open a batch input file, or stdin for `-`; an unreadable file is an InputError naming it. */
export async function openBatchInput(input: string): Promise<BatchInput> {
  if (input === '-') {
    process.stdin.setEncoding('utf8');
    return { chunks: process.stdin as AsyncIterable<string>, close: () => process.stdin.destroy() };
  }
  let handle: FileHandle | undefined;
  try {
    handle = await open(input, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const stream = handle.createReadStream({ encoding: 'utf8' });
    const size = stat.isFile() ? stat.size : 0;
    return {
      chunks: stream as AsyncIterable<string>,
      close: () => stream.destroy(),
      ...(size > 0 ? { fraction: () => Math.min(1, stream.bytesRead / size) } : {}),
    };
  } catch (error) {
    await handle?.close();
    throw fileError('read input', input, error);
  }
}
