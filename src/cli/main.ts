import { Command, CommanderError, Option } from 'commander';
import type { DraftOptions } from '../draft/draftRubric.js';
import { InputError, RubricError } from '../errors.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../report/renderReport.js';
import { sanitizeTerminal } from '../report/sanitizeTerminal.js';
import { rubricJsonSchema } from '../rubric/jsonSchema.js';
import { bundledRubrics, loadRubric } from '../rubric/loadRubric.js';
import { VERSION } from '../version.js';
import { readStdin } from './readStdin.js';
import { readTextFile } from './readTextFile.js';
import { BATCH_FORMATS, type BatchCommandOptions, runBatch } from './runBatch.js';

// Commands import what grades answers when they run: `list`, `schema` and the thread dispatching `batch`
// rows to workers never load the language model.

/** A usage error: printed as one line on stderr, exit code 2. */
class UsageError extends Error {}

function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

async function readAnswer(
  file: string | undefined,
  text: string | undefined,
  limit: number,
): Promise<string> {
  if (text !== undefined && file !== undefined)
    throw new UsageError(`rubricate: give the answer once: --text or the file ${file}, not both`);
  if (text !== undefined) return text;
  if (file !== undefined) return readTextFile(file, 'answer', limit);
  if (process.stdin.isTTY)
    throw new UsageError('rubricate: no answer given: pass a file, --text "…", or pipe it on stdin');
  return readStdin(limit);
}

const program = new Command('rubricate')
  .description('Grade free-text answers against concept rubrics.')
  .version(VERSION)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('grade')
  .description('grade one answer against a rubric (a .yaml/.json file or a bundled id like devops/kpis)')
  .argument('<rubric>', 'rubric file or bundled id')
  .argument('[answer-file]', 'file holding the answer (default: stdin)')
  .option('-t, --text <answer>', 'the answer as a string')
  .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
  .action(async (ref: string, file: string | undefined, opts: { text?: string; format: ReportFormat }) => {
    const rubric = await loadRubric(ref);
    const { grade, MAX_ANSWER_LENGTH } = await import('../grade.js');
    const answer = await readAnswer(file, opts.text, MAX_ANSWER_LENGTH);
    const report = grade(rubric, answer);
    process.stdout.write(renderReport(report, opts.format, { color: useColor(process.stdout) }));
  });

program
  .command('list')
  .description('list the bundled rubrics')
  .action(() => {
    for (const r of bundledRubrics()) process.stdout.write(`${r.id.padEnd(28)} ${r.title}\n`);
  });

program
  .command('schema')
  .description('print the JSON Schema of rubric files')
  .action(() => {
    process.stdout.write(`${JSON.stringify(rubricJsonSchema(), null, 2)}\n`);
  });

program
  .command('draft')
  .description(
    'draft a rubric from a model answer: YAML with "# review:" comments on stdout, to edit before use',
  )
  .argument('<file>', 'file holding the model answer, or "-" for stdin')
  .option(
    '-q, --question <text>',
    'the question; the words of its asking sentences are left out of the patterns',
  )
  .option('--id <id>', 'rubric id (default: draft)')
  .option('--title <title>', 'rubric title (default: the question)')
  .action(async (file: string, opts: DraftOptions) => {
    const { draftRubric } = await import('../draft/draftRubric.js');
    const { MAX_ANSWER_LENGTH } = await import('../grade.js');
    const answer =
      file === '-'
        ? await readStdin(MAX_ANSWER_LENGTH)
        : await readTextFile(file, 'model answer', MAX_ANSWER_LENGTH);
    process.stdout.write(draftRubric(answer, opts).yaml);
  });

program
  .command('check')
  .description(
    'validate rubrics and grade their marked examples (default: the bundled rubrics); exit 1 on a mismatch, 2 on an invalid rubric',
  )
  .argument('[paths...]', 'rubric files, folders or bundled ids')
  .option('--tolerance <points>', 'allowed score difference', '0')
  .action(async (paths: string[], opts: { tolerance: string }) => {
    const tolerance = Number(opts.tolerance);
    if (!Number.isFinite(tolerance) || tolerance < 0)
      throw new UsageError(`rubricate: --tolerance must be a number ≥ 0, got "${opts.tolerance}"`);
    const { runCheck } = await import('./runCheck.js');
    process.exitCode = await runCheck(paths, tolerance, (line) => process.stdout.write(`${line}\n`));
  });

const stdio = {
  out: (text: string) => process.stdout.write(text),
  warn: (line: string) => process.stderr.write(`${line}\n`),
};
const MARKED_HELP =
  'marked answers: .csv with a header, else JSON Lines ("-" for stdin): answer, score, concepts';

program
  .command('calibrate')
  .description(
    "measure the rubric's agreement with human marks: kappa, Pearson r, confusion, worst disagreements",
  )
  .argument('<rubric>', 'rubric file or bundled id')
  .argument('<marked>', MARKED_HELP)
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--worst <n>', 'how many of the largest disagreements to show', '5')
  .action(async (ref: string, file: string, opts: { format: 'text' | 'json'; worst: string }) => {
    const { runCalibrate } = await import('./runCalibrate.js');
    await runCalibrate(ref, file, { ...opts, color: useColor(process.stdout) }, stdio);
  });

program
  .command('suggest')
  .description('suggest aliases: phrases of high-scoring marked answers that no pattern matches')
  .argument('<rubric>', 'rubric file or bundled id')
  .argument('<marked>', MARKED_HELP)
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--top <n>', 'most suggestions to show', '20')
  .option('--min-count <k>', 'fewest high-scoring answers a phrase must appear in', '3')
  .action(
    async (ref: string, file: string, opts: { format: 'text' | 'json'; top: string; minCount: string }) => {
      const { runSuggest } = await import('./runSuggest.js');
      await runSuggest(ref, file, { ...opts, color: useColor(process.stdout) }, stdio);
    },
  );

program
  .command('batch')
  .description(
    'grade many answers (JSONL or CSV rows: id, answer, rubric) in parallel, one result per row in input order; exit 1 when some rows are errors',
  )
  .argument('<input>', 'JSON Lines or CSV file (format from the extension), or "-" for stdin')
  .option('-r, --rubric <rubric>', 'rubric for rows that name none (file or bundled id)')
  .option('-o, --out <file>', 'write results to FILE (via FILE.partial) instead of stdout')
  .addOption(
    new Option('-f, --format <format>', 'output format (default: from --out)').choices(BATCH_FORMATS),
  )
  .addOption(
    new Option('--input-format <format>', 'input format (default: from <input>)').choices(BATCH_FORMATS),
  )
  .option('-w, --workers <n>', 'worker threads (default: the number of cores)')
  .option('--resume', 'continue an interrupted run from the rows in FILE.partial')
  .option('--html-dir <dir>', 'also write one HTML report per row and an index.html into DIR')
  .action(async (input: string, opts: BatchCommandOptions) => {
    await tuneBatchHeaps();
    process.exitCode = await runBatch(input, opts);
  });

/**
 * `rubricate batch` owns its process, so unlike the library it may tune V8 for it, once grading runs in worker
 * threads and this thread only dispatches rows: V8 would grow this thread's young generation to 32 MB, and let
 * each old generation grow up to 4× (here) or 1.3–1.6× (workers) its live size before collecting it. Those two
 * flags are read whenever a heap grows, so they hold for every thread from when they are set; but V8 resets a
 * semi-space growth factor below 2 whenever it sets up a heap, as for each worker, so it is set once each worker
 * is running. Workers set up after the first flag start with their young generation at full size, since it
 * cannot grow afterwards. Measured, 100k rows, --workers 2, with the workers' limits of chunkGrader.ts: peak
 * RSS 262–282 → 232–234 MB. With the former 1 GB limit (289–295 MB): 258 by the heap growth flag alone, 284 by
 * the young-generation flags alone.
 */
async function tuneBatchHeaps(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--min-semi-space-size=64');
  process.on('worker', (worker) =>
    worker.once('online', () => {
      setFlagsFromString('--heap-growing-percent=30');
      setFlagsFromString('--semi-space-growth-factor=1');
    }),
  );
}

// A reader that stops early (`rubricate batch rows.jsonl | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`rubricate: cannot write stdout: ${error.code ?? error.message}\n`);
  process.exit(2);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof RubricError) {
    process.stderr.write(
      `rubricate: invalid rubric: ${sanitizeTerminal(error.message.split('\n').join('; '))}\n`,
    );
    process.exitCode = 2;
  } else if (error instanceof InputError || error instanceof UsageError) {
    process.stderr.write(`${sanitizeTerminal(error.message)}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
