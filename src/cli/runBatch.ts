import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BatchResult } from '../batch/batchResult.js';
import { batchResultToCsv } from '../batch/batchResultToCsv.js';
import { batchResultToJsonl } from '../batch/batchResultToJsonl.js';
import { gradeRecords } from '../batch/gradeRecords.js';
import { InputError } from '../errors.js';
import { formatOf, type InputRecord, type RecordFormat, readRecords } from '../io/readRecords.js';
import { renderHtml } from '../report/renderHtml.js';
import { type HtmlIndexRow, renderHtmlIndex } from '../report/renderHtmlIndex.js';
import { loadRubric } from '../rubric/loadRubric.js';
import { showProgress } from './batchProgress.js';
import { BatchSummary } from './batchSummary.js';
import { fileError } from './fileError.js';
import { htmlPageName } from './htmlPageName.js';
import { openBatchInput } from './openBatchInput.js';
import { type BatchOutput, openBatchOutput } from './openBatchOutput.js';
import { wholeNumberOption } from './wholeNumberOption.js';

/** The options of `rubricate batch`, as commander parses them. */
export interface BatchCommandOptions {
  rubric?: string;
  out?: string;
  format?: RecordFormat;
  inputFormat?: RecordFormat;
  workers?: string;
  resume?: boolean;
  htmlDir?: string;
}

/** The row formats of batch input and output. */
export const BATCH_FORMATS: readonly RecordFormat[] = ['jsonl', 'csv'];

/** Exit codes for the signals that interrupt a batch cleanly (128 + the signal number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** Records after the first `count` (the rows a resumed output already holds); input errors become InputErrors. */
async function* remaining(
  records: AsyncIterable<InputRecord>,
  count: number,
  input: string,
): AsyncGenerator<InputRecord> {
  let seen = 0;
  try {
    for await (const record of records) if (++seen > count) yield record;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = (error as Error).message;
    throw new InputError(
      'unreadable',
      message.startsWith('rubricate: ') ? message : `rubricate: cannot read input ${input}: ${message}`,
    );
  }
  if (seen < count)
    throw new InputError(
      'bad-option',
      `rubricate: cannot resume: the output holds ${count} rows but ${input} has only ${seen}`,
    );
}

/** A row's name in the index and on its page: its id, or its line when the id is missing or blank. */
function rowName(result: BatchResult): string {
  return result.id?.trim() ? result.id : `line ${result.line}`;
}

/** A row of the index, linked to its page when `htmlDir` holds one (a row kept by --resume may have none). */
function indexRow(result: BatchResult, htmlDir: string): HtmlIndexRow {
  const id = rowName(result);
  if (result.error !== undefined)
    return { id, score: 0, maxScore: 0, band: 'insufficient', passed: false, error: result.error };
  const { score, maxScore, band, passed } = result;
  const page = htmlPageName(result.line, result.id);
  const linked = result.report !== undefined || existsSync(join(htmlDir, page));
  return { id, ...(linked ? { href: page } : {}), score, maxScore, band, passed };
}

/**
 * `rubricate batch`: grade every row of a JSONL or CSV input, writing one result per row in input order to
 * stdout or `--out` (via `FILE.partial`, resumable). Returns the exit code: 0 all graded, 1 some error rows,
 * 130 (143) when interrupted by SIGINT (SIGTERM); usage errors throw an InputError.
 */
export async function runBatch(input: string, options: BatchCommandOptions): Promise<number> {
  const workers =
    options.workers === undefined ? undefined : wholeNumberOption('--workers', options.workers, 1);
  if (options.resume && options.out === undefined)
    throw new InputError(
      'bad-option',
      'rubricate: --resume needs --out FILE (the rows done are in FILE.partial)',
    );
  const format = options.format ?? (options.out === undefined ? 'jsonl' : formatOf(options.out));
  const serialize = format === 'csv' ? batchResultToCsv : batchResultToJsonl;
  const rubric = options.rubric === undefined ? undefined : await loadRubric(options.rubric);
  const { htmlDir } = options;
  // Writing into --html-dir: a file-system error is reported as one line, naming the path (not a stack trace).
  const inHtmlDir = async (path: string, write: (path: string) => Promise<unknown>): Promise<void> => {
    try {
      await write(path);
    } catch (error) {
      throw fileError('write', path, error);
    }
  };
  if (htmlDir !== undefined) await inHtmlDir(htmlDir, (dir) => mkdir(dir, { recursive: true }));
  const source = await openBatchInput(input);

  const summary = new BatchSummary();
  const index: HtmlIndexRow[] = [];
  const count = (result: BatchResult): void => {
    summary.add(result);
    if (htmlDir !== undefined) index.push(indexRow(result, htmlDir));
  };
  let output: BatchOutput;
  try {
    output = await openBatchOutput(options.out, format, options.resume === true, count);
  } catch (error) {
    source.close();
    throw error;
  }

  let signal: keyof typeof SIGNAL_EXIT | undefined;
  const onSignal = (name: keyof typeof SIGNAL_EXIT): void => {
    if (signal !== undefined) process.exit(SIGNAL_EXIT[name]); // a second signal: stop now
    signal = name;
  };
  for (const name of Object.keys(SIGNAL_EXIT)) process.on(name, onSignal);
  // On a terminal, unless the results themselves are printed there.
  const progress =
    process.stderr.isTTY && (options.out !== undefined || !process.stdout.isTTY)
      ? showProgress(process.stderr, () => ({
          rows: summary.rows,
          errors: summary.errors,
          fraction: source.fraction?.(),
        }))
      : undefined;
  try {
    const results = gradeRecords(
      remaining(readRecords(source.chunks, options.inputFormat ?? formatOf(input)), output.skip, input),
      {
        ...(workers !== undefined ? { workers } : {}),
        ...(rubric !== undefined ? { rubric } : {}),
        reports: htmlDir !== undefined,
      },
    );
    for await (const result of results) {
      // The page first: a row in the output always has its page, even after a crash between the two.
      const { report } = result;
      if (htmlDir !== undefined && report !== undefined)
        await inHtmlDir(join(htmlDir, htmlPageName(result.line, result.id)), (page) =>
          writeFile(page, renderHtml(report, { title: `${rowName(result)} · ${report.rubric.title}` })),
        );
      await output.write(serialize(result));
      count(result);
      if (signal !== undefined) break;
    }
  } finally {
    for (const name of Object.keys(SIGNAL_EXIT)) process.off(name, onSignal);
    progress?.stop();
    await output.close();
  }
  if (signal !== undefined) {
    const kept =
      options.out === undefined
        ? ''
        : `; ${options.out}.partial holds the rows done: add --resume to continue`;
    process.stderr.write(`rubricate: ${summary}\nrubricate: interrupted${kept}\n`);
    return SIGNAL_EXIT[signal];
  }
  await output.commit();
  if (htmlDir !== undefined)
    await inHtmlDir(join(htmlDir, 'index.html'), (page) =>
      writeFile(
        page,
        renderHtmlIndex(index, { title: `rubricate batch: ${input === '-' ? 'stdin' : basename(input)}` }),
      ),
    );
  process.stderr.write(`rubricate: ${summary}\n`);
  return summary.errors > 0 ? 1 : 0;
}
