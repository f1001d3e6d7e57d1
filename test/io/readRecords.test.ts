import { describe, expect, it } from 'vitest';
import { formatOf, type InputRecord, readRecords } from '../../src/io/readRecords.js';

async function all(chunks: string[], format: 'jsonl' | 'csv'): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of readRecords(chunks, format)) out.push(r);
  return out;
}

describe('readRecords', () => {
  it('reads JSON Lines split anywhere across chunks, with line numbers, skipping blank lines', async () => {
    const text = '{"id":1,"answer":"a"}\r\n\n{"id":2,"answer":"b\\nc"}\n{"id":3}';
    const whole = await all([text], 'jsonl');
    expect(whole).toEqual([
      { line: 1, value: { id: 1, answer: 'a' } },
      { line: 3, value: { id: 2, answer: 'b\nc' } },
      { line: 4, value: { id: 3 } },
    ]);
    for (let cut = 1; cut < text.length; cut++)
      expect(await all([text.slice(0, cut), text.slice(cut)], 'jsonl')).toEqual(whole);
  });

  it('turns a bad JSON line into an error record and reads on', async () => {
    const records = await all(['{"id":1}\n{oops\n[1,2]\n{"id":4}\n'], 'jsonl');
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(records[1]?.error).toMatch(/^line 2: invalid JSON \(/);
    expect(records[2]?.error).toBe('line 3: expected a JSON object, got an array');
    expect(records[3]?.value).toEqual({ id: 4 });
  });

  it('reads CSV rows as objects keyed by the header, quoted newlines included', async () => {
    const records = await all(['id,answer\n1,"two\nlines"\n2,plain\n3\n'], 'csv');
    expect(records).toEqual([
      { line: 2, value: { id: '1', answer: 'two\nlines' } },
      { line: 4, value: { id: '2', answer: 'plain' } },
      { line: 5, error: 'line 5: expected 2 CSV fields (id,answer), got 1' },
    ]);
  });

  it('skips a byte-order mark before the first JSON line, even after an empty chunk', async () => {
    expect(await all(['', '\uFEFF{"id":1}\n{"id":2}'], 'jsonl')).toEqual([
      { line: 1, value: { id: 1 } },
      { line: 2, value: { id: 2 } },
    ]);
  });

  it('reads a line split over many chunks whole', async () => {
    const answer = 'a '.repeat(50_000);
    const text = `${JSON.stringify({ id: 'long', answer })}\n{"id":2}`;
    const chunks = text.match(/[\s\S]{1,1000}/g) ?? [];
    expect(await all(chunks, 'jsonl')).toEqual([
      { line: 1, value: { id: 'long', answer } },
      { line: 2, value: { id: 2 } },
    ]);
  });

  it('turns a CSV row with broken quoting into an error record and reads on', async () => {
    const records = await all(['id,answer\n1,ok\n2,say "hi"\n3,fine\n'], 'csv');
    expect(records).toEqual([
      { line: 2, value: { id: '1', answer: 'ok' } },
      { line: 3, error: 'line 3: unexpected quote in unquoted CSV field on line 3' },
      { line: 4, value: { id: '3', answer: 'fine' } },
    ]);
  });

  it('throws for a CSV header with broken quoting, which leaves no names to read the rows by', async () => {
    await expect(all(['ans"wer,rubric\nMTTR,devops/kpis\n'], 'csv')).rejects.toThrowError(
      'rubricate: unexpected quote in unquoted CSV field on line 1 (the CSV header)',
    );
  });

  it('infers the format from the file name', () => {
    expect(formatOf('answers.CSV')).toBe('csv');
    expect(formatOf('answers.jsonl')).toBe('jsonl');
    expect(formatOf('-')).toBe('jsonl');
  });
});
