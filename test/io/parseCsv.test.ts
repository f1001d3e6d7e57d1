import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../src/io/parseCsv.js';

type Newline = '\r\n' | '\n' | '\r';

/** An RFC 4180 writer: quotes a field holding a comma, quote, CR or LF, a leading BOM, or a lone empty field. */
function writeCsv(
  table: readonly (readonly string[])[],
  newline: Newline,
  trailingNewline: boolean,
): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  table.forEach((row, r) => {
    if (r > 0) text += newline;
    starts.push(text.length);
    text += row
      .map((field) =>
        /[",\r\n]|^\uFEFF/.test(field) || (row.length === 1 && field === '')
          ? `"${field.replaceAll('"', '""')}"`
          : field,
      )
      .join(',');
  });
  if (trailingNewline) text += newline;
  return { text, starts };
}

/** 1-based physical line of an offset, counting CRLF, CR and LF as one line break each. */
const lineAt = (text: string, offset: number): number =>
  1 + (text.slice(0, offset).match(/\r\n|\r|\n/g) ?? []).length;

/** Splits text at the given cut points (taken modulo its length). */
function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const csvChar = fc.oneof(
  fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', 'a', '\uFEFF'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const field = fc.string({ unit: csvChar, maxLength: 8 });
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
const newline = fc.constantFrom<Newline>('\r\n', '\n', '\r');

describe('parseCsv', () => {
  it('splits unquoted fields on commas and records on CRLF', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and CR, LF, CRLF inside quoted fields', () => {
    expect(parseCsv('"x, y","say ""hi""","l1\r\nl2\rl3\nl4"\n')).toEqual([
      ['x, y', 'say "hi"', 'l1\r\nl2\rl3\nl4'],
    ]);
  });

  it('reads empty fields, a trailing comma and a last record without a line break', () => {
    expect(parseCsv(',a,\n"",b')).toEqual([
      ['', 'a', ''],
      ['', 'b'],
    ]);
  });

  it('skips blank lines but keeps a quoted empty field as a record', () => {
    expect(parseCsv('a\n\n\r\n""\n\nb\n\n')).toEqual([['a'], [''], ['b']]);
  });

  it('returns no records for empty input', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('strips a leading byte-order mark only', () => {
    expect(parseCsv('\uFEFFa,\uFEFFb')).toEqual([['a', '\uFEFFb']]);
  });

  it('throws naming the line where an unterminated quoted record starts', () => {
    expect(() => parseCsv('a,b\n"c\nd\n,e')).toThrowError(
      'rubricate: unterminated quoted field in CSV record starting on line 2',
    );
  });

  it('throws on a character after a closing quote', () => {
    expect(() => parseCsv('a\n"b"c')).toThrowError(
      'rubricate: unexpected character "c" after closing quote on CSV line 2',
    );
  });

  it('throws on a quote inside an unquoted field', () => {
    expect(() => parseCsv('a\r\nb"c')).toThrowError(
      'rubricate: unexpected quote in unquoted CSV field on line 2',
    );
  });

  test.prop([table, newline, fc.boolean()])(
    'round-trips any table written by an RFC 4180 writer',
    (rows, nl, trailing) => {
      expect(parseCsv(writeCsv(rows, nl, trailing).text)).toEqual(rows);
    },
  );
});

describe('csvRecords', () => {
  it('numbers records by the physical line they start on', async () => {
    const records = await collect(csvRecords(['a,"1\r\n2\n3"\r\n\nb,c\r"d\r\n"']));
    expect(records).toEqual([
      { fields: ['a', '1\r\n2\n3'], line: 1 },
      { fields: ['b', 'c'], line: 5 },
      { fields: ['d\r\n'], line: 6 },
    ]);
  });

  it('treats a CRLF split across chunks as one line break', async () => {
    const records = await collect(csvRecords(['a\r', '\nb\r', '\n', '"c\r', '\nd"', '\r\ne']));
    expect(records).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['b'], line: 2 },
      { fields: ['c\r\nd'], line: 3 },
      { fields: ['e'], line: 5 },
    ]);
  });

  it('yields a record before the next chunk is read', async () => {
    const pulled: number[] = [];
    async function* source(): AsyncGenerator<string> {
      pulled.push(1);
      yield 'a,b\nc';
      pulled.push(2);
      yield ',d\n';
    }
    const iterator = csvRecords(source());
    expect(await iterator.next()).toEqual({ done: false, value: { fields: ['a', 'b'], line: 1 } });
    expect(pulled).toEqual([1]);
    expect(await iterator.next()).toEqual({ done: false, value: { fields: ['c', 'd'], line: 2 } });
    expect(pulled).toEqual([1, 2]);
  });

  it('gives an unterminated quoted field as an error record with its line', async () => {
    expect(await collect(csvRecords(['x\n', 'y\n"z', '\n']))).toEqual([
      { fields: ['x'], line: 1 },
      { fields: ['y'], line: 2 },
      { fields: [], line: 3, error: 'unterminated quoted field in CSV record starting on line 3' },
    ]);
  });

  it('gives a malformed record as an error record and reads on at the next line', async () => {
    expect(await collect(csvRecords(['a,b\r\nbad,x "y",z\r\n"c"d,e\nf,g\n']))).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: [], line: 2, error: 'unexpected quote in unquoted CSV field on line 2' },
      { fields: [], line: 3, error: 'unexpected character "d" after closing quote on CSV line 3' },
      { fields: ['f', 'g'], line: 4 },
    ]);
  });

  test.prop([table, newline, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 })])(
    'gives the records of parseCsv, with their start lines, however the text is chunked',
    async (rows, nl, trailing, cuts) => {
      const { text, starts } = writeCsv(rows, nl, trailing);
      const records = await collect(csvRecords(splitAt(text, cuts)));
      expect(records.map((record) => record.fields)).toEqual(parseCsv(text));
      expect(records.map((record) => record.line)).toEqual(starts.map((start) => lineAt(text, start)));
    },
  );
});
