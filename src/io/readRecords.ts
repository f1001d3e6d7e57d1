import { csvRecords } from './parseCsv.js';

/** The row formats rubricate reads: JSON Lines (one object per line) or CSV with a header row. */
export type RecordFormat = 'jsonl' | 'csv';

/** One input row: its fields, or why it could not be read, with the 1-based line it starts on. */
export type InputRecord =
  | { line: number; value: Record<string, unknown>; error?: undefined }
  | { line: number; value?: undefined; error: string };

/** The format a file name implies: `.csv` is CSV, anything else JSON Lines. */
export function formatOf(filename: string): RecordFormat {
  return /\.csv$/i.test(filename) ? 'csv' : 'jsonl';
}

async function* jsonlRecords(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<InputRecord> {
  let rest = '';
  let line = 0;
  const parse = (text: string): InputRecord | undefined => {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { line, error: `line ${line}: invalid JSON (${(error as Error).message})` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return {
        line,
        error: `line ${line}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
      };
    return { line, value: value as Record<string, unknown> };
  };
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() as string;
    for (const part of parts) {
      const record = parse(part);
      if (record) yield record;
    }
  }
  const last = rest === '' ? undefined : parse(rest);
  if (last) yield last;
}

async function* csvObjects(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<InputRecord> {
  let header: string[] | undefined;
  for await (const { fields, line } of csvRecords(chunks)) {
    if (!header) {
      header = fields.map((f) => f.trim());
      continue;
    }
    if (fields.length !== header.length) {
      yield {
        line,
        error: `line ${line}: expected ${header.length} CSV fields (${header.join(',')}), got ${fields.length}`,
      };
      continue;
    }
    const value: Record<string, unknown> = {};
    header.forEach((name, i) => {
      value[name] = fields[i];
    });
    yield { line, value };
  }
}

/**
 * Stream rows from text chunks (a file or stdin read as text), one record per JSONL line or CSV row, each
 * with its line number; a row that cannot be read is yielded with an `error` instead of ending the stream.
 * A CSV stream whose quoting is broken throws, naming the line.
 * @example for await (const r of readRecords(createReadStream('answers.jsonl', 'utf8'), 'jsonl')) …
 */
export function readRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  format: RecordFormat,
): AsyncGenerator<InputRecord> {
  return format === 'csv' ? csvObjects(chunks) : jsonlRecords(chunks);
}
