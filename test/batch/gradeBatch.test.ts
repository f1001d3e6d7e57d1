import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchResult, BatchRow } from '../../src/batch/batchResult.js';
import { gradeBatch } from '../../src/batch/gradeBatch.js';
import { grade } from '../../src/grade.js';
import { bundledRubric } from '../../src/rubrics/bundledRubric.js';

// With workers > 1 the pool runs src/batch/batchWorker.ts through tsx (see chunkGrader.ts): these tests
// exercise the source, not a stale build.

async function collect(results: AsyncIterable<BatchResult>): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

/** Real answers: every marked example of the bundled rubrics, with the rubric each belongs to. */
function examples(ids: readonly string[]): { rubric: string; answer: string }[] {
  return ids.flatMap((id) => bundledRubric(id).examples.map((e) => ({ rubric: id, answer: e.answer })));
}

const MIXED = examples(['devops/kpis', 'devops/environments', 'devops/deployment-types']).map((row, i) => ({
  id: `r${i + 1}`,
  ...row,
}));

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rubricate-batch-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('gradeBatch', () => {
  it('yields one result per row, in input order, each as grading the row alone would score it', async () => {
    const results = await collect(gradeBatch(MIXED, { workers: 2, chunkSize: 4 }));
    expect(results.map((r) => r.id)).toEqual(MIXED.map((row) => row.id));
    results.forEach((result, i) => {
      const row = MIXED[i] as (typeof MIXED)[number];
      const report = grade(bundledRubric(row.rubric), row.answer);
      expect(result).toEqual({
        id: row.id,
        line: i + 1,
        rubric: row.rubric,
        score: report.score,
        maxScore: report.maxScore,
        ratio: report.ratio,
        band: report.band,
        passed: report.passed,
        met: report.concepts.filter((c) => c.status === 'met').map((c) => c.id),
        partial: report.concepts.filter((c) => c.status === 'partial').map((c) => c.id),
        negated: report.concepts.filter((c) => c.status === 'negated').map((c) => c.id),
        missing: report.concepts.filter((c) => c.status === 'missing').map((c) => c.id),
        flags: report.flags,
      });
    });
  });

  it('gives the same results with one worker (in this thread) and with two', async () => {
    const rows = [...MIXED, ...MIXED, { id: 'bad', answer: 'x', rubric: 'devops/nope' }];
    const one = await collect(gradeBatch(rows, { workers: 1, chunkSize: 8 }));
    const two = await collect(gradeBatch(rows, { workers: 2, chunkSize: 8 }));
    expect(two).toEqual(one);
  });

  it('turns each row it cannot grade into an error row naming its position, and grades the rest', async () => {
    const invalid = join(dir, 'invalid.yaml');
    writeFileSync(
      invalid,
      'id: test/bad\ntitle: Bad\nconcepts:\n  - { id: a, label: A, match: ["lead (time"] }\n',
    );
    const rows = [
      { id: 'ok', answer: 'We track MTTR.' },
      { id: 'no-answer' },
      { id: 'number', answer: 42 },
      { id: 'unknown', answer: 'MTTR', rubric: 'devops/nope' },
      { id: 'invalid', answer: 'MTTR', rubric: invalid },
      { id: 'long', answer: 'MTTR '.repeat(20) },
      'just a string',
      { id: { nested: true }, answer: 'MTTR' },
      { id: 9, answer: 'deployment frequency' },
    ] as unknown as BatchRow[];
    const results = await collect(
      gradeBatch(rows, { rubric: 'devops/kpis', workers: 2, maxAnswerLength: 50 }),
    );
    expect(results.map((r) => [r.id, r.rubric, r.error ?? r.score])).toEqual([
      ['ok', 'devops/kpis', 1],
      ['no-answer', 'devops/kpis', 'line 2: missing "answer"'],
      ['number', 'devops/kpis', 'line 3: "answer" must be a string'],
      [
        'unknown',
        'devops/nope',
        'line 4: unknown rubric "devops/nope" (not a bundled id; files must end in .yaml, .yml or .json)',
      ],
      [
        'invalid',
        invalid,
        `line 5: invalid rubric: ${invalid}: concepts[0].match[0]: unclosed "(" at column 6`,
      ],
      ['long', 'devops/kpis', 'line 6: answer has 100 characters; the limit is 50'],
      [null, null, 'line 7: expected an object with "answer", got "just a string"'],
      [null, null, 'line 8: "id" must be a string or a number'],
      ['9', 'devops/kpis', 1],
    ]);
  });

  it('makes an error row for a row naming no rubric when no default is given', async () => {
    const [result] = await collect(gradeBatch([{ id: 'a', answer: 'MTTR' }], { workers: 1 }));
    expect(result).toEqual({
      id: 'a',
      line: 1,
      rubric: null,
      error: 'line 1: no rubric: the row names none and no default rubric was given',
    });
  });

  it('says when a missing field is there under other letter case ("Answer", "Rubric")', async () => {
    const results = await collect(
      gradeBatch(
        [
          { id: 'a', Answer: 'MTTR', rubric: 'devops/kpis' },
          { id: 'b', answer: 'MTTR', Rubric: 'devops/kpis' },
        ] as unknown as BatchRow[],
        { workers: 1 },
      ),
    );
    expect(results.map((r) => r.error)).toEqual([
      'line 1: missing "answer" (found "Answer": field and column names are case-sensitive)',
      'line 2: no rubric: the row names none and no default rubric was given (found "Rubric": field and column names are case-sensitive)',
    ]);
  });

  it("yields every row read before its source fails, in order, and then throws the source's error", async () => {
    async function* failing(): AsyncGenerator<BatchRow> {
      for (let i = 1; i <= 300; i++) yield { id: `r${i}`, answer: 'MTTR', rubric: 'devops/kpis' };
      throw new Error('source broke');
    }
    for (const workers of [1, 2]) {
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const result of gradeBatch(failing(), { workers })) seen.push(result.id as string);
        })(),
      ).rejects.toThrow('source broke');
      expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => `r${i + 1}`));
    }
  });

  it('throws before grading when the default rubric is unknown', async () => {
    await expect(
      collect(gradeBatch([{ answer: 'MTTR' }], { rubric: 'devops/nope', workers: 1 })),
    ).rejects.toThrow(
      'rubricate: unknown rubric "devops/nope" (not a bundled id; files must end in .yaml, .yml or .json)',
    );
  });

  it('throws on a worker count that is not a whole number ≥ 1', async () => {
    await expect(collect(gradeBatch([], { workers: 0 }))).rejects.toThrow(
      'rubricate: workers must be a whole number ≥ 1, got 0',
    );
  });

  it('reads an endless stream lazily, with a bounded number of rows read ahead', async () => {
    let read = 0;
    async function* endless(): AsyncGenerator<BatchRow> {
      for (;;) {
        read++;
        yield { id: String(read), answer: 'We deploy daily and track MTTR.' };
      }
    }
    let taken = 0;
    for await (const result of gradeBatch(endless(), { rubric: 'devops/kpis', workers: 2, chunkSize: 10 })) {
      expect(result.id).toBe(String(++taken));
      // At most two chunks per worker in flight, plus the chunk being filled.
      expect(read - taken).toBeLessThanOrEqual(5 * 10);
      if (taken === 100) break;
    }
    expect(taken).toBe(100);
  });

  it('attaches the full report, evidence included, with reports: true', async () => {
    const answer = 'We track deployment frequency and MTTR.';
    const [result] = await collect(
      gradeBatch([{ answer }], { rubric: 'devops/kpis', workers: 2, reports: true }),
    );
    const expected = grade(bundledRubric('devops/kpis'), answer);
    expect({ ...result?.report, meta: undefined }).toEqual({ ...expected, meta: undefined });
  });
});
