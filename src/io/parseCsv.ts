/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

type State = 'lineStart' | 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * The RFC 4180 state machine shared by `parseCsv` and `csvRecords`: feed chunks with `write`, then call `end`.
 * It holds at most one record. A physical line with no characters is not a record, so a trailing newline adds
 * none; a record of one empty field is written `""`.
 */
class CsvScanner {
  private state: State = 'lineStart';
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private afterCr = false;
  private atFileStart = true;

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
            throw new Error(`rubricate: unexpected quote in unquoted CSV field on line ${this.line}`);
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
            throw new Error(
              `rubricate: unexpected character ${JSON.stringify(chunk[i])} after closing quote on CSV line ${this.line}`,
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
    if (this.state === 'quoted') {
      throw new Error(
        `rubricate: unterminated quoted field in CSV record starting on line ${this.recordLine}`,
      );
    }
    if (this.state !== 'lineStart') {
      this.endField();
      yield this.takeRecord();
    }
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
  return [...scanner.write(text), ...scanner.end()].map((record) => record.fields);
}

/**
 * Streams CSV records from text chunks split anywhere, yielding each record as soon as it is complete.
 * @example for await (const { fields, line } of csvRecords(createReadStream(file, 'utf8'))) …
 */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<CsvRecord> {
  const scanner = new CsvScanner();
  for await (const chunk of chunks) yield* scanner.write(chunk);
  yield* scanner.end();
}
