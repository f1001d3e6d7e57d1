/**
 * How docs/ACCURACY.md chose the drafter's changes: 5-fold cross-validation over the questions of each corpus's
 * `train` split (the test splits are dropped right after loading and never graded). Folds: each corpus's `train`
 * question ids sorted, fold = position mod 5. For each fold the coverage threshold is tuned on the other four folds'
 * rows and the held-out rows are scored (2-way macro-F1); the mean over folds is printed per corpus, with the folds,
 * the threshold tuned on all of `train`, the in-sample F1 and the correct answers the drafts give no coverage.
 *
 *   npx tsx eval/crossValidateDrafts.ts [label]
 *   FOLDHASH=<seed> …   folds by a hash of the question id and the seed instead of by position
 *   FOLDMODULE=1 …      folds by the question's module (Beetle and SciEntsBank group questions by topic)
 */
import { precisionRecallF1 } from '../src/calibrate/precisionRecallF1.js';
import { twoWayLabel } from './baselines.js';
import { CORPORA, loadSemEval } from './datasets.js';
import { draftSemEvalRubrics, gradeSemEvalRows, tuneCoverageThreshold } from './evaluateSemEval.js';

const FOLDS = 5;
const all = (await loadSemEval()).filter((r) => r.split === 'train');
const label = process.argv[2] ?? 'drafts';
const drafted = draftSemEvalRubrics(all);
const graded = gradeSemEvalRows(all, drafted);
const parts: string[] = [];
for (const corpus of CORPORA) {
  const rows = graded.filter((g) => g.row.corpus === corpus);
  const questions = [...new Set(rows.map((g) => g.row.questionId))].sort();
  const hash = (q: string) => [...q].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const moduleOf = new Map(rows.map((g) => [g.row.questionId, g.row.module]));
  const modules = [...new Set(moduleOf.values())].sort();
  const fold = new Map(
    questions.map((q, i) => [
      q,
      process.env.FOLDMODULE
        ? modules.indexOf(moduleOf.get(q) as string) % FOLDS
        : process.env.FOLDHASH
          ? hash(q + process.env.FOLDHASH) % FOLDS
          : i % FOLDS,
    ]),
  );
  const f1s: number[] = [];
  const folds = process.env.FOLDMODULE ? Math.min(FOLDS, modules.length) : FOLDS;
  for (let k = 0; k < folds; k++) {
    const tune = rows.filter((g) => fold.get(g.row.questionId) !== k);
    const test = rows.filter((g) => fold.get(g.row.questionId) === k);
    const threshold = tuneCoverageThreshold(tune);
    const gold = test.map((g) => twoWayLabel(g.row));
    const predicted = test.map((g) => (g.coverage >= threshold ? 'correct' : 'incorrect'));
    f1s.push(precisionRecallF1(gold, predicted, ['correct', 'incorrect']).macroF1);
  }
  const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
  const full = tuneCoverageThreshold(rows);
  const inF1 = precisionRecallF1(
    rows.map((g) => twoWayLabel(g.row)),
    rows.map((g) => (g.coverage >= full ? 'correct' : 'incorrect')),
    ['correct', 'incorrect'],
  ).macroF1;
  const zero = rows.filter((g) => g.row.label === 'correct' && g.coverage === 0).length;
  const correct = rows.filter((g) => g.row.label === 'correct').length;
  parts.push(
    `${corpus} cv=${mean.toFixed(4)} [${f1s.map((f) => f.toFixed(3)).join(' ')}] thr=${full.toFixed(4)} in=${inF1.toFixed(4)} c@0=${zero}/${correct}`,
  );
}
console.log(`${label.padEnd(14)} ${parts.join(' | ')}`);
