/** One CSV record with the 1-based physical line it starts on; a malformed one has no fields and says why in `error`. */
export interface CsvRecord {
  fields: string[];
  line: number;
  error?: string;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

type State = 'lineStart' | 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'malformed';

/**
 * The RFC 4180 state machine shared by `parseCsv` and `csvRecords`: feed chunks with `write`, then call `end`.
 * It holds at most one record. A physical line with no characters is not a record, so a trailing newline adds
 * none; a record of one empty field is written `""`. A malformed record (a quote inside an unquoted field, a
 * character after a closing quote) is skipped to the end of its physical line and given as an `error` record; the
 * next line starts a record again.
 */
class CsvScanner {
  private state: State = 'lineStart';
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private afterCr = false;
  private atFileStart = true;
  private error = '';

  /** Consumes one chunk, yielding every record it completes. */
  *write(chunk: string): Generator<CsvRecord> {
    let i = 0;
    if (this.atFileStart && chunk.length > 0) {
      this.atFileStart = false;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    let runStart = i;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      const newline = c === CR || c === LF;
      if (this.state === 'lineStart' && !newline) {
        this.recordLine = this.line;
        this.state = 'fieldStart';
      }
      switch (this.state) {
        case 'lineStart':
          break;
        case 'malformed':
          if (newline) yield this.takeMalformed();
          break;
        case 'fieldStart':
          if (c === QUOTE) {
            this.state = 'quoted';
            runStart = i + 1;
          } else if (c === COMMA) {
            this.fields.push('');
          } else if (newline) {
            this.fields.push('');
            yield this.takeRecord();
          } else {
            this.state = 'unquoted';
            runStart = i;
          }
          break;
        case 'unquoted':
          if (c === COMMA || newline) {
            this.field += chunk.slice(runStart, i);
            this.endField();
            if (newline) yield this.takeRecord();
          } else if (c === QUOTE) {
            this.malformed(`unexpected quote in unquoted CSV field on line ${this.line}`);
          }
          break;
        case 'quoted':
          if (c === QUOTE) {
            this.field += chunk.slice(runStart, i);
            this.state = 'quoteInQuoted';
          }
          break;
        case 'quoteInQuoted':
          if (c === QUOTE) {
            this.state = 'quoted';
            runStart = i;
          } else if (c === COMMA || newline) {
            this.endField();
            if (newline) yield this.takeRecord();
          } else {
            this.malformed(
              `unexpected character ${JSON.stringify(chunk[i])} after closing quote on CSV line ${this.line}`,
            );
          }
          break;
      }
      if (c === CR || (c === LF && !this.afterCr)) this.line++;
      this.afterCr = c === CR;
    }
    if (this.state === 'unquoted' || this.state === 'quoted') this.field += chunk.slice(runStart);
  }

  /** Finishes the input, yielding the last record if it had no line break. */
  *end(): Generator<CsvRecord> {
    if (this.state === 'quoted')
      this.malformed(`unterminated quoted field in CSV record starting on line ${this.recordLine}`);
    if (this.state === 'malformed') yield this.takeMalformed();
    else if (this.state !== 'lineStart') {
      this.endField();
      yield this.takeRecord();
    }
  }

  /** Drops the record being read: the rest of its physical line is skipped, then it is given as an error record. */
  private malformed(error: string): void {
    this.error = error;
    this.fields = [];
    this.field = '';
    this.state = 'malformed';
  }

  private takeMalformed(): CsvRecord {
    const record = { fields: [], line: this.recordLine, error: this.error };
    this.state = 'lineStart';
    return record;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private takeRecord(): CsvRecord {
    const record = { fields: this.fields, line: this.recordLine };
    this.fields = [];
    this.state = 'lineStart';
    return record;
  }
}

/**
 * Parses RFC 4180 CSV text into records of fields; throws naming the line on a malformed record.
 * @example parseCsv('a,"b ""c"""\r\n1,2') // [['a', 'b "c"'], ['1', '2']]
 */
export function parseCsv(text: string): string[][] {
  const scanner = new CsvScanner();
  return [...scanner.write(text), ...scanner.end()].map((record) => {
    if (record.error !== undefined) throw new Error(`rubricate: ${record.error}`);
    return record.fields;
  });
}

/**
 * Streams CSV records from text chunks split anywhere, yielding each record as soon as it is complete; a malformed
 * record is yielded with an `error`, and reading goes on at the next line.
 * @example for await (const { fields, line } of csvRecords(createReadStream(file, 'utf8'))) …
 */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<CsvRecord> {
  const scanner = new CsvScanner();
  for await (const chunk of chunks) yield* scanner.write(chunk);
  yield* scanner.end();
}
