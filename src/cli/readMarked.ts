import { createReadStream } from 'node:fs';
import type { MarkedAnswer, SkippedRow } from '../calibrate/checkMarked.js';
import { InputError } from '../errors.js';
import { formatOf, readRecords } from '../io/readRecords.js';

/**
 * Read a marked-answers file (`.csv` with a header row, else JSON Lines; `-` reads JSON Lines from stdin):
 * every row with its line number, and the rows that could not be parsed at all.
 */
export async function readMarked(file: string): Promise<{ rows: MarkedAnswer[]; skipped: SkippedRow[] }> {
  const rows: MarkedAnswer[] = [];
  const skipped: SkippedRow[] = [];
  const stream = file === '-' ? process.stdin.setEncoding('utf8') : createReadStream(file, 'utf8');
  try {
    for await (const record of readRecords(stream, formatOf(file))) {
      if (record.error !== undefined)
        skipped.push({ line: record.line, message: record.error.replace(/^line \d+: /, '') });
      else rows.push({ ...(record.value as Partial<MarkedAnswer>), line: record.line } as MarkedAnswer);
    }
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error as Error).message.replace(/^rubricate: /, '');
    throw new InputError('unreadable', `rubricate: cannot read marked answers ${file}: ${reason}`);
  }
  return { rows, skipped };
}
