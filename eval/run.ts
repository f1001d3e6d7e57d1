/**
 * `npm run eval`: grades the SAF dataset with the frozen rubrics in eval/rubrics/saf, computes the word-overlap
 * baselines for SAF and SemEval-2013 Task 7 in the same run, prints a summary and writes docs/ACCURACY.md.
 *
 *   npx tsx eval/run.ts [--data <datasets dir>] [--out <markdown file>]
 *
 * The markdown is deterministic: the same data and rubrics give the same bytes (no timestamps, no timings).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BASELINE_REFERENCE,
  type SafBaselineResult,
  type SemEvalBaselineResult,
  safOverlapBaseline,
  semEvalOverlapBaseline,
} from './baselines.js';
import {
  CORPORA,
  datasetsDir,
  loadSaf,
  loadSemEval,
  SAF_FILE,
  type SafSplit,
  SEMEVAL_FILE,
  SEMEVAL_SPLITS,
} from './datasets.js';
import { type CutPoints, evaluateSaf, QWK_STEPS, SAF_VERDICTS, type SafEvaluation } from './evaluateSaf.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The frozen SAF rubrics, one `<question_id>.yaml` per question. */
export const SAF_RUBRIC_DIR = path.join(REPO_ROOT, 'eval', 'rubrics', 'saf');
const DEFAULT_OUT = path.join(REPO_ROOT, 'docs', 'ACCURACY.md');

const SPLIT_NOTE: Record<SafSplit, string> = {
  training: 'in-sample: the rubrics were written and tuned on it',
  unseen_answers: 'new answers to the training questions',
  unseen_questions: 'new questions; rubrics from question + reference only',
};

interface RubricFingerprint {
  files: number;
  sha256: string;
}

interface Results {
  saf: SafEvaluation;
  safBaseline: SafBaselineResult[];
  semEval: SemEvalBaselineResult[] | null;
  rubrics: RubricFingerprint;
}

/** Baseline rows in a fixed corpus/split order, whatever order the CSV lists them in. */
function sortSemEval(results: SemEvalBaselineResult[]): SemEvalBaselineResult[] {
  return [...results].sort(
    (a, b) =>
      CORPORA.indexOf(a.corpus) - CORPORA.indexOf(b.corpus) ||
      SEMEVAL_SPLITS.indexOf(a.split) - SEMEVAL_SPLITS.indexOf(b.split),
  );
}

/** SHA-256 over the sorted rubric file names and contents, so a reader can check which rubrics were scored. */
async function fingerprintRubrics(dir: string): Promise<RubricFingerprint> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const hash = createHash('sha256');
  for (const name of files) {
    hash.update(`${name}\n`);
    hash.update(await readFile(path.join(dir, name)));
    hash.update('\n');
  }
  return { files: files.length, sha256: hash.digest('hex') };
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '—');
const cut = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 10_000) / 10_000) : 'never');

function cutPointsText(cuts: CutPoints): string {
  const incorrect =
    cuts.incorrectMax === Number.NEGATIVE_INFINITY ? 'never' : `ratio ≤ ${cut(cuts.incorrectMax)}`;
  const correct = cuts.correctMin === Number.POSITIVE_INFINITY ? 'never' : `ratio ≥ ${cut(cuts.correctMin)}`;
  return `Correct when ${correct}; Incorrect when ${incorrect}; Partially correct in between`;
}

/** Escapes text for a markdown table cell and cuts it to `max` characters. */
function cell(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
  return short.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[],
): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (right[i] ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return lines.join('\n');
}

function safReference(split: SafSplit): string {
  return split === 'training' ? '—' : f3(BASELINE_REFERENCE.safPearson[split]);
}

function semEvalReference(result: SemEvalBaselineResult): string {
  const byCorpus: Partial<Record<string, number>> = BASELINE_REFERENCE.semEvalMacroF1[result.corpus];
  const value = byCorpus[result.split];
  return value === undefined ? '—' : f3(value);
}

function safSummaryTable(results: Results): string {
  const baseline = new Map(results.safBaseline.map((b) => [b.split, b.pearson]));
  return table(
    [
      'Split',
      'n',
      'Questions',
      'Pearson r',
      'RMSE',
      `QWK (0–${QWK_STEPS})`,
      '3-class accuracy',
      'Baseline r',
      'README r',
    ],
    results.saf.splits.map((s) => [
      `${s.split} (${SPLIT_NOTE[s.split]})`,
      String(s.n),
      String(s.questions),
      f3(s.pearson),
      f3(s.rmse),
      f3(s.qwk),
      pct(s.accuracy),
      f3(baseline.get(s.split) ?? Number.NaN),
      safReference(s.split),
    ]),
    [false, true, true, true, true, true, true, true, true],
  );
}

function semEvalTable(results: SemEvalBaselineResult[]): string {
  return table(
    ['Corpus', 'Split', 'n', 'Threshold', '2-way macro-F1', 'Weighted F1', 'Accuracy', 'README macro-F1'],
    results.map((r) => [
      r.corpus,
      r.split,
      String(r.size),
      f3(r.threshold),
      f3(r.macroF1),
      f3(r.weightedF1),
      pct(r.accuracy),
      semEvalReference(r),
    ]),
    [false, false, true, true, true, true, true, true],
  );
}

function renderMarkdown(results: Results): string {
  const { saf } = results;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const questionsIn = (split: SafSplit): number => saf.splits.find((s) => s.split === split)?.questions ?? 0;

  push(
    '# Accuracy against human markers',
    '',
    '<!-- Generated by `npm run eval` (eval/run.ts). Do not edit by hand: rerun the command instead. -->',
    '',
    'How far rubricate’s grades agree with people who marked real student answers. Reproduce with',
    '',
    '```sh',
    'npm run eval                                   # = npx tsx eval/run.ts',
    'npx tsx eval/run.ts --data <datasets dir> --out docs/ACCURACY.md',
    '```',
    '',
    'The datasets folder is `--data`, else `$RUBRICATE_DATASETS`, else `../shared/datasets` beside the repository',
    `(\`${SAF_FILE}\` and \`${SEMEVAL_FILE}\`). The same data and rubrics always produce this file byte for byte.`,
    '',
    '## SAF — Short Answer Feedback v2.0 (English, networking)',
    '',
    `Every answer is graded with its question’s rubric in \`eval/rubrics/saf/<question_id>.yaml\` (${results.rubrics.files} rubric files,`,
    `SHA-256 of names and contents \`${results.rubrics.sha256.slice(0, 16)}…\`). The baseline is the word-overlap`,
    'score (share of the reference answer’s content words found in the answer) computed in the same run; the',
    'README column is the reference figure published with the dataset.',
    '',
    safSummaryTable(results),
    '',
    `Verdict cut points (chosen on training only, applied unchanged to the test splits): ${cutPointsText(saf.cutPoints)}.`,
    `They reach ${pct(saf.trainingAccuracy)} accuracy on training.`,
    '',
    '### What the numbers mean',
    '',
    '- **Normalized score.** Human: `score / max_score_observed` (the highest score seen for that question).',
    '  Engine: `report.score / report.maxScore`. Both lie in [0, 1]; Pearson r and RMSE compare them directly.',
    `- **QWK** is quadratic weighted kappa after rounding both normalized scores to a 0–${QWK_STEPS} scale`,
    `  (\`Math.round(x * ${QWK_STEPS})\`): 1 = perfect agreement, 0 = chance.`,
    '- **3-class accuracy** compares the tutor’s `verification` (Correct / Partially correct / Incorrect) with a',
    '  verdict read off the engine’s ratio by two cut points. The cut points were chosen by maximising accuracy on',
    '  the training split alone (searching all observed training ratios), then frozen for the test splits.',
    '- **Training** numbers are in-sample — the rubrics were written while reading training answers — so they',
    '  are optimistic. The test splits are the honest figures.',
    `- **unseen_questions** holds only ${questionsIn('unseen_questions')} questions; one of them contributes over a third of its answers, so`,
    '  read its figures with the per-question table below.',
    '',
    '### Confusion matrices (rows: tutor verdict, columns: engine verdict)',
    '',
  );
  for (const s of saf.splits) {
    push(
      `**${s.split}**`,
      '',
      table(
        ['Tutor \\ engine', ...SAF_VERDICTS],
        SAF_VERDICTS.map((label, i) => [label, ...(s.confusion[i] ?? []).map(String)]),
        [false, true, true, true],
      ),
      '',
    );
  }

  push(
    '### Per question (test splits)',
    '',
    'r is NaN (—) when either side gives every answer the same score.',
    '',
    table(
      ['Split', 'Question', 'n', 'Pearson r', 'Mean human', 'Mean engine'],
      saf.perQuestion.map((q) => [
        q.split,
        q.questionId,
        String(q.n),
        f3(q.pearson),
        f3(q.humanMean),
        f3(q.engineMean),
      ]),
      [false, false, true, true, true, true],
    ),
    '',
    '### Largest disagreements',
    '',
    'Normalized scores; the answer is cut to 160 characters.',
    '',
    table(
      ['Split', 'Question', 'Answer', 'Human', 'Engine'],
      saf.worst.map((w) => [w.split, w.questionId, cell(w.answer, 160), f3(w.human), f3(w.engine)]),
      [false, false, false, true, true],
    ),
    '',
    '### Honesty protocol',
    '',
    'The rules of the datasets README, under which these rubrics were written:',
    '',
    `- Rubrics for the ${questionsIn('training')} training questions were written and tuned reading the \`training\` split only.`,
    `- Rubrics for the ${questionsIn('unseen_questions')} \`unseen_questions\` questions were written from the question text and reference answer`,
    '  alone, as a rubric author would before any answers exist.',
    '- All rubrics were frozen (committed) before any test split was scored; `eval/rubrics/saf/` is not edited',
    '  in response to test results. The fingerprint above identifies the exact rubric set scored here.',
    '- The verdict cut points are the only fitted parameters and are fitted on `training` only.',
    '- Every split is reported, with the reference points beside the numbers.',
    '',
    '## SemEval-2013 Task 7 (SciEntsBank, Beetle)',
    '',
    '> **Not evaluated with rubrics yet.** SemEval has too many questions to hand-write rubrics for; its',
    '> rubric-based evaluation needs a rubric drafter (`draftRubric`) that is not implemented yet. Only the',
    '> word-overlap baseline is reported below, so rubricate’s own SemEval accuracy is unknown.',
    '',
  );
  if (results.semEval === null) {
    push(`\`${SEMEVAL_FILE}\` was not found in the datasets folder, so the baseline was not computed.`, '');
  } else {
    push(
      'Baseline: best share of a reference answer’s content words found in the answer; a threshold per corpus',
      'tuned for 2-way macro-F1 (correct vs contradictory + incorrect) on `train` only, applied to every split.',
      '',
      semEvalTable(results.semEval),
      '',
    );
  }

  push(
    '## Data and licences',
    '',
    '- SAF v2.0 (English): SebOchs/SAF, MIT. Filighera et al., “Your Answer is Incorrect… Would you like to know',
    '  why?” (ACL 2022).',
    '- SemEval-2013 Task 7 (Dzikovska et al. 2013), SciEntsBank (Nielsen et al. 2008) and Beetle (Dzikovska et',
    '  al. 2010), CC BY-SA 3.0.',
    '',
  );
  return out.join('\n');
}

function printSummary(results: Results): void {
  const baseline = new Map(results.safBaseline.map((b) => [b.split, b.pearson]));
  const pad = (s: string, w: number) => s.padStart(w);
  console.log('SAF (rubrics in eval/rubrics/saf)');
  console.log(
    `${'split'.padEnd(18)}${pad('n', 6)}${pad('r', 8)}${pad('RMSE', 8)}${pad('QWK', 8)}${pad('acc3', 8)}${pad('base r', 8)}${pad('README r', 10)}`,
  );
  for (const s of results.saf.splits) {
    console.log(
      `${s.split.padEnd(18)}${pad(String(s.n), 6)}${pad(f3(s.pearson), 8)}${pad(f3(s.rmse), 8)}${pad(f3(s.qwk), 8)}` +
        `${pad(f3(s.accuracy), 8)}${pad(f3(baseline.get(s.split) ?? Number.NaN), 8)}${pad(safReference(s.split), 10)}`,
    );
  }
  console.log(`cut points (training): ${cutPointsText(results.saf.cutPoints)}`);
  console.log('');
  if (results.semEval === null) {
    console.log(`SemEval: ${SEMEVAL_FILE} not found; baseline skipped.`);
    return;
  }
  console.log(
    'SemEval word-overlap baseline (rubric-based evaluation not implemented yet: needs draftRubric)',
  );
  console.log(
    `${'corpus'.padEnd(13)}${'split'.padEnd(24)}${pad('n', 6)}${pad('macroF1', 9)}${pad('README', 8)}`,
  );
  for (const r of results.semEval) {
    console.log(
      `${r.corpus.padEnd(13)}${r.split.padEnd(24)}${pad(String(r.size), 6)}${pad(f3(r.macroF1), 9)}${pad(semEvalReference(r), 8)}`,
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'Usage: npx tsx eval/run.ts [--data <datasets dir>] [--out <file>]  (default out: docs/ACCURACY.md)',
    );
    return;
  }
  const started = performance.now();
  const dir = datasetsDir(values.data);
  if (!existsSync(path.join(dir, SAF_FILE))) {
    throw new Error(
      `rubricate: ${path.join(dir, SAF_FILE)} not found; pass --data <dir> or set RUBRICATE_DATASETS`,
    );
  }
  const safRows = await loadSaf(dir);
  const results: Results = {
    saf: await evaluateSaf(safRows, SAF_RUBRIC_DIR),
    safBaseline: safOverlapBaseline(safRows),
    semEval: existsSync(path.join(dir, SEMEVAL_FILE))
      ? sortSemEval(semEvalOverlapBaseline(await loadSemEval(dir)))
      : null,
    rubrics: await fingerprintRubrics(SAF_RUBRIC_DIR),
  };
  const outFile = values.out === undefined ? DEFAULT_OUT : path.resolve(values.out);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, renderMarkdown(results));
  printSummary(results);
  console.log('');
  console.log(
    `wrote ${path.relative(process.cwd(), outFile) || outFile} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
