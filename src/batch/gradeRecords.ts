import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import type { GradeOptions } from '../grade.js';
import type { InputRecord } from '../io/readRecords.js';
import { loadRubric } from '../rubric/loadRubric.js';
import { parseRubric } from '../rubric/parseRubric.js';
import type { Rubric, RubricInput } from '../rubric/schema.js';
import { type BatchFailed, type BatchResult, batchFailed } from './batchResult.js';
import { openChunkGrader } from './chunkGrader.js';
import type { ChunkRow, ChunkTask } from './gradeChunk.js';
import { type LoadedRubric, rubricLoader } from './rubricLoader.js';

/** Options for `gradeBatch`: the grading options of `grade`, plus where rubrics come from and how to parallelise. */
export interface BatchOptions extends GradeOptions {
  /**
   * Rubric for rows that name none: a bundled id, a rubric file or a rubric object. Loaded before the first
   * row, so an unknown or invalid one throws (a row's own unknown rubric only makes that row an error row).
   */
  rubric?: string | Rubric | RubricInput;
  /** Worker threads grading in parallel (default: `os.availableParallelism()`); 1 grades in the calling thread. */
  workers?: number;
  /** Rows sent to a worker per task (default 128): larger amortises messaging, smaller lowers memory and latency. */
  chunkSize?: number;
  /** Attach each graded row's full GradeReport as `report` (default false; more data between threads). */
  reports?: boolean;
}

/** Characters of answers per task beyond which a chunk is sent early, so long answers keep memory bounded. */
const CHUNK_CHARACTERS = 1_000_000;

function wholeNumber(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new InputError('bad-option', `rubricate: ${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

async function defaultRubric(rubric: BatchOptions['rubric']): Promise<Rubric | undefined> {
  if (rubric === undefined) return undefined;
  return typeof rubric === 'string' ? loadRubric(rubric) : parseRubric(rubric);
}

/** Why a row lacks a field it has under other letter case ("Answer"): field and column names are case-sensitive. */
function caseHint(value: Record<string, unknown>, name: string): string {
  const near = Object.keys(value).find((key) => key !== name && key.toLowerCase() === name);
  return near === undefined ? '' : ` (found "${near}": field and column names are case-sensitive)`;
}

/** A record checked and its rubric loaded: a row to grade with its rubric, or an error row. */
async function prepare(
  record: InputRecord,
  load: (ref: string) => Promise<LoadedRubric>,
): Promise<{ row: ChunkRow; rubric: Rubric } | BatchFailed> {
  const { line } = record;
  if (record.error !== undefined) return { id: null, line, rubric: null, error: record.error };
  const { id: rawId, answer, rubric: ref = '' } = record.value;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  const where = { line, id: id === '' ? null : id };
  if (rawId !== undefined && rawId !== null && id === null)
    return batchFailed(where, null, '"id" must be a string or a number');
  if (typeof ref !== 'string' && ref !== null) return batchFailed(where, null, '"rubric" must be a string');
  const loaded = await load(ref ?? '');
  const named = loaded.rubric?.id ?? (ref || null);
  if (answer === undefined || answer === null)
    return batchFailed(where, named, `missing "answer"${caseHint(record.value, 'answer')}`);
  if (typeof answer !== 'string') return batchFailed(where, named, '"answer" must be a string');
  if (loaded.error !== undefined)
    return batchFailed(where, named, `${loaded.error}${ref ? '' : caseHint(record.value, 'rubric')}`);
  return { row: { ...where, rubric: ref ?? '', answer }, rubric: loaded.rubric };
}

/**
 * Grade input records (from `readRecords`, or rows numbered by `gradeBatch`), yielding exactly one result
 * per record in input order. Rows go to the grader in chunks; at most two chunks per worker are in flight,
 * so memory stays bounded however long the input is. Closing the generator early stops the workers. When the
 * records' source throws, the rows read before it are still yielded, then its error is thrown.
 */
export async function* gradeRecords(
  records: AsyncIterable<InputRecord> | Iterable<InputRecord>,
  options: BatchOptions = {},
): AsyncGenerator<BatchResult> {
  const workers = wholeNumber(options.workers ?? availableParallelism(), 'workers');
  const chunkSize = wholeNumber(options.chunkSize ?? 128, 'chunkSize');
  const load = rubricLoader(await defaultRubric(options.rubric));
  const gradeOptions: GradeOptions = {
    ...(options.maxAnswerLength !== undefined ? { maxAnswerLength: options.maxAnswerLength } : {}),
    ...(options.onTooLong !== undefined ? { onTooLong: options.onTooLong } : {}),
  };
  const newTask = (): ChunkTask => ({
    rows: [],
    rubrics: {},
    options: gradeOptions,
    reports: !!options.reports,
  });
  const grader = await openChunkGrader(workers, options.maxAnswerLength);
  const texts = new Map<Rubric, string>();
  const textOf = (rubric: Rubric): string => {
    let text = texts.get(rubric);
    if (text === undefined) {
      text = JSON.stringify(rubric);
      texts.set(rubric, text);
    }
    return text;
  };
  const pending: Promise<BatchResult[]>[] = [];
  // A slot is an error row already known, or the index of a row in the task.
  let slots: (BatchResult | number)[] = [];
  let task = newTask();
  let characters = 0;
  const submit = (): void => {
    const filled = slots;
    const graded = task.rows.length === 0 ? Promise.resolve([]) : grader.run(task);
    const results = graded.then((rows) =>
      filled.map((slot) => (typeof slot === 'number' ? (rows[slot] as BatchResult) : slot)),
    );
    // Awaited in order below; this only keeps a rejection from counting as unhandled before its turn.
    results.catch(() => {});
    pending.push(results);
    slots = [];
    task = newTask();
    characters = 0;
  };
  // A source that fails (a caller's iterable that throws, a stream that errors) ends the input there: every row read
  // before it is still graded and yielded, in order, and then its error is thrown.
  let failed: { error: unknown } | undefined;
  async function* untilFailure(): AsyncGenerator<InputRecord> {
    try {
      yield* records;
    } catch (error) {
      failed = { error };
    }
  }
  try {
    for await (const record of untilFailure()) {
      const prepared = await prepare(record, load);
      if ('row' in prepared) {
        slots.push(task.rows.length);
        task.rows.push(prepared.row);
        task.rubrics[prepared.row.rubric] = textOf(prepared.rubric);
        characters += prepared.row.answer.length;
      } else {
        slots.push(prepared);
      }
      if (slots.length >= chunkSize || characters >= CHUNK_CHARACTERS) {
        submit();
        while (pending.length >= 2 * workers) yield* await (pending.shift() as Promise<BatchResult[]>);
      }
    }
    if (slots.length > 0) submit();
    while (pending.length > 0) yield* await (pending.shift() as Promise<BatchResult[]>);
    if (failed) throw failed.error;
  } finally {
    // Closed early (a `break`, an error): let the chunks in flight finish first, since piscina throws an uncaught
    // "Unexpected message from Worker" when a result arrives after its pool was destroyed. At most 2 per worker.
    await Promise.allSettled(pending);
    await grader.close();
  }
}
