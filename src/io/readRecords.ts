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

const BOM = 0xfeff;

async function* jsonlRecords(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<InputRecord> {
  const pending: string[] = [];
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
  let atStart = true;
  for await (const text of chunks) {
    // A byte-order mark before the first line is not part of it (Node's text streams keep it).
    const chunk = atStart && text.charCodeAt(0) === BOM ? text.slice(1) : text;
    atStart &&= text.length === 0;
    // The line being read is kept in pieces and joined once: a long line is not scanned again for each chunk.
    let from = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
      pending.push(chunk.slice(from, end));
      const record = parse(pending.join(''));
      pending.length = 0;
      from = end + 1;
      if (record) yield record;
    }
    if (from < chunk.length) pending.push(chunk.slice(from));
  }
  const last = pending.length === 0 ? undefined : parse(pending.join(''));
  if (last) yield last;
}

async function* csvObjects(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<InputRecord> {
  let header: string[] | undefined;
  for await (const { fields, line, error } of csvRecords(chunks)) {
    // A broken header leaves no names to read the rows by: the file cannot be read.
    if (error !== undefined && !header) throw new Error(`rubricate: ${error} (the CSV header)`);
    if (error !== undefined) {
      yield { line, error: `line ${line}: ${error}` };
      continue;
    }
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
 * with its line number; a row that cannot be read (invalid JSON, broken CSV quoting, the wrong number of CSV fields)
 * is yielded with an `error` instead of ending the stream. A CSV header with broken quoting throws.
 * @example for await (const r of readRecords(createReadStream('answers.jsonl', 'utf8'), 'jsonl')) …
 */
export function readRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  format: RecordFormat,
): AsyncGenerator<InputRecord> {
  return format === 'csv' ? csvObjects(chunks) : jsonlRecords(chunks);
}
