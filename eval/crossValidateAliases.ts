/**
 * How docs/ACCURACY.md chose the alias rules: 5-fold cross-validation over the answers of each question within each
 * corpus's `train` split (the test splits are dropped right after loading): per question, answers sorted by
 * student_answer_id, fold = position mod 5. For fold k, aliases are suggested from the other four folds' answers,
 * the threshold is tuned on those four folds (graded with the extended rubrics), and fold k is scored. `none` (the
 * same folds without aliases) is the baseline.
 *
 *   npx tsx eval/crossValidateAliases.ts none 'top=3,min=3,lift=2,place=required' …
 *   nested=1 in a configuration tunes the threshold on out-of-fold coverage of the four folds (an inner 4-fold);
 *   refs=first adds aliases to the first reference's rubric only; FOLDSEED=<seed> orders answers by a hash;
 *   CORPUS=beetle (or sciEntsBank) runs one corpus.
 */
import { createHash } from 'node:crypto';
import { precisionRecallF1 } from '../src/calibrate/precisionRecallF1.js';
import { twoWayLabel } from './baselines.js';
import { CORPORA, loadSemEval, type SemEvalRow } from './datasets.js';
import {
  type DraftedQuestion,
  draftSemEvalRubrics,
  gradeSemEvalRows,
  type SemEvalGraded,
  tuneCoverageThreshold,
} from './evaluateSemEval.js';
import { type AliasPlacement, type AliasRules, suggestSemEvalAliases } from './suggestSemEvalAliases.js';

const FOLDS = 5;
const train = (await loadSemEval()).filter((r) => r.split === 'train');
const drafted = draftSemEvalRubrics(train);

// Fold of each row: per question, answers in student_answer_id order, round robin.
const fold = new Map<SemEvalRow, number>();
{
  const byQuestion = new Map<string, SemEvalRow[]>();
  for (const r of train) {
    const key = `${r.corpus}/${r.questionId}`;
    byQuestion.set(key, [...(byQuestion.get(key) ?? []), r]);
  }
  for (const rows of byQuestion.values()) {
    rows
      .slice()
      .map((r) => ({
        r,
        k: process.env.FOLDSEED
          ? createHash('sha1')
              .update(process.env.FOLDSEED + r.studentAnswerId)
              .digest('hex')
          : r.studentAnswerId,
      }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      .forEach(({ r }, i) => {
        fold.set(r, i % FOLDS);
      });
  }
}

interface Config {
  name: string;
  rules?: AliasRules;
  nested: boolean;
}

/** A configuration written as `top=3,min=3,lift=2,place=required,refs=first,nested=1`, or `none`. */
function parse(name: string): Config {
  if (name === 'none') return { name, nested: false };
  const kv = new Map(name.split(',').map((p) => p.split('=') as [string, string]));
  return {
    name,
    rules: {
      top: Number(kv.get('top') ?? 3),
      minCount: Number(kv.get('min') ?? 3),
      minLift: Number(kv.get('lift') ?? 2),
      placement: (kv.get('place') ?? 'required') as AliasPlacement,
      references: kv.get('refs') === 'first' ? 'first' : 'all',
    },
    nested: kv.get('nested') === '1',
  };
}

/** Rubrics extended from `marked` (the drafts themselves for `none`). */
function extended(config: Config, marked: readonly SemEvalRow[]): Map<string, DraftedQuestion> {
  return config.rules ? suggestSemEvalAliases(drafted, marked, config.rules).drafted : drafted;
}

/** Out-of-fold coverage of `rows` by an inner cross-validation over their folds. */
function outOfFold(config: Config, rows: readonly SemEvalRow[]): SemEvalGraded[] {
  const folds = [...new Set(rows.map((r) => fold.get(r) as number))];
  const out: SemEvalGraded[] = [];
  for (const f of folds) {
    const inner = rows.filter((r) => fold.get(r) !== f);
    const held = rows.filter((r) => fold.get(r) === f);
    out.push(...gradeSemEvalRows(held, extended(config, inner)));
  }
  return out;
}

const macro = (graded: readonly SemEvalGraded[], threshold: number) =>
  precisionRecallF1(
    graded.map((g) => twoWayLabel(g.row)),
    graded.map((g) => (g.coverage >= threshold ? 'correct' : 'incorrect')),
    ['correct', 'incorrect'],
  ).macroF1;

const names = process.argv.slice(2);
for (const name of names.length > 0 ? names : ['none']) {
  const config = parse(name);
  const started = performance.now();
  const parts: string[] = [];
  for (const corpus of CORPORA.filter((c) => !process.env.CORPUS || c === process.env.CORPUS)) {
    const rows = train.filter((r) => r.corpus === corpus);
    const f1s: number[] = [];
    const pooled: { g: SemEvalGraded; threshold: number }[] = [];
    let aliases = 0;
    for (let k = 0; k < FOLDS; k++) {
      const tuneRows = rows.filter((r) => fold.get(r) !== k);
      const testRows = rows.filter((r) => fold.get(r) === k);
      const rubrics = extended(config, tuneRows);
      if (config.rules) aliases += suggestSemEvalAliases(drafted, tuneRows, config.rules).added.length;
      const tuneGraded = config.nested ? outOfFold(config, tuneRows) : gradeSemEvalRows(tuneRows, rubrics);
      const threshold = tuneCoverageThreshold(tuneGraded);
      const test = gradeSemEvalRows(testRows, rubrics);
      f1s.push(macro(test, threshold));
      for (const g of test) pooled.push({ g, threshold });
    }
    const mean = f1s.reduce((a, b) => a + b, 0) / FOLDS;
    const pooledF1 = precisionRecallF1(
      pooled.map(({ g }) => twoWayLabel(g.row)),
      pooled.map(({ g, threshold }) => (g.coverage >= threshold ? 'correct' : 'incorrect')),
      ['correct', 'incorrect'],
    ).macroF1;
    parts.push(
      `${corpus} cv=${mean.toFixed(4)} pooled=${pooledF1.toFixed(4)} [${f1s.map((f) => f.toFixed(3)).join(' ')}] aliases/fold=${(aliases / FOLDS).toFixed(0)}`,
    );
  }
  console.log(
    `${name.padEnd(44)} ${parts.join(' | ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
