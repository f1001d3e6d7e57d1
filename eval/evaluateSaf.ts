import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { accuracy } from '../src/calibrate/accuracy.js';
import { confusionMatrix } from '../src/calibrate/confusionMatrix.js';
import { pearson } from '../src/calibrate/pearson.js';
import { quadraticWeightedKappa } from '../src/calibrate/quadraticWeightedKappa.js';
import { rmse } from '../src/calibrate/rmse.js';
import { grade } from '../src/grade.js';
import { type CompiledRubric, compileRubric } from '../src/rubric/compileRubric.js';
import { parseRubric } from '../src/rubric/parseRubric.js';
import type { SafRow, SafSplit, SafVerification } from './datasets.js';
import { safNaivePearson } from './naivePeer.js';

/** SAF splits in reporting order. */
export const SAF_SPLITS: readonly SafSplit[] = ['training', 'unseen_answers', 'unseen_questions'];
/** SAF verdicts in reporting order (also the row/column order of confusion matrices). */
export const SAF_VERDICTS: readonly SafVerification[] = ['Correct', 'Partially correct', 'Incorrect'];
/** QWK is computed on normalized scores rounded to this many steps: `Math.round(x * QWK_STEPS)`, i.e. 0–4. */
export const QWK_STEPS = 4;

/** One SAF answer with its human and engine scores, both normalized to [0, 1]. */
export interface SafGraded {
  row: SafRow;
  /** `score / maxScoreObserved`. */
  human: number;
  /** `report.score / report.maxScore` (the report's `ratio`; 0 when maxScore is 0). */
  engine: number;
}

/**
 * Verdict cut points on the engine's ratio: Incorrect when `ratio <= incorrectMax`, Correct when
 * `ratio >= correctMin`, Partially correct in between. `-Infinity` / `Infinity` mean "never".
 */
export interface CutPoints {
  incorrectMax: number;
  correctMin: number;
}

/** Agreement of the engine with the human markers on one split. */
export interface SafSplitMetrics {
  split: SafSplit;
  n: number;
  questions: number;
  pearson: number;
  rmse: number;
  /** Quadratic weighted kappa of `Math.round(x * 4)` of both normalized scores. */
  qwk: number;
  /** 3-class accuracy of the verdict predicted with the training cut points against `verification`. */
  accuracy: number;
  /** Counts `[human verdict][predicted verdict]` in `SAF_VERDICTS` order. */
  confusion: number[][];
}

/** Agreement on one question of one split. */
export interface SafQuestionMetrics {
  split: SafSplit;
  questionId: string;
  n: number;
  pearson: number;
  humanMean: number;
  engineMean: number;
}

/** One of the largest human/engine disagreements. */
export interface SafDisagreement {
  split: SafSplit;
  questionId: string;
  studentAnswerId: string;
  answer: string;
  human: number;
  engine: number;
}

/** Everything `evaluateSaf` measured. */
export interface SafEvaluation {
  graded: SafGraded[];
  cutPoints: CutPoints;
  /** Training accuracy reached by the chosen cut points. */
  trainingAccuracy: number;
  splits: SafSplitMetrics[];
  /** Per question, for the test splits only. */
  perQuestion: SafQuestionMetrics[];
  /** The `worst` largest |engine − human| per split, largest first. */
  worst: SafDisagreement[];
  /** Pearson r of the naive substring peer (`safNaivePearson`) with the same rubrics, per split. */
  naivePearson: Map<SafSplit, number>;
}

/** Options for `evaluateSaf`. */
export interface EvaluateSafOptions {
  /** Disagreements to keep per split (default 5). */
  worst?: number;
}

/** Loads and compiles `<rubricDir>/<questionId>.yaml` once per question id present in `rows`. */
export async function loadSafRubrics(
  rows: readonly SafRow[],
  rubricDir: string,
): Promise<Map<string, CompiledRubric>> {
  const rubrics = new Map<string, CompiledRubric>();
  for (const questionId of [...new Set(rows.map((row) => row.questionId))].sort()) {
    const file = path.join(rubricDir, `${questionId}.yaml`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new Error(`rubricate: no rubric for SAF question ${questionId} (expected ${file})`);
    }
    rubrics.set(questionId, compileRubric(parseRubric(text, { filename: file })));
  }
  return rubrics;
}

/** Grades every row with its question's compiled rubric. */
export function gradeSafRows(
  rows: readonly SafRow[],
  rubrics: ReadonlyMap<string, CompiledRubric>,
): SafGraded[] {
  return rows.map((row) => {
    const rubric = rubrics.get(row.questionId);
    if (!rubric) throw new Error(`rubricate: no rubric for SAF question ${row.questionId}`);
    const report = grade(rubric, row.studentAnswer, { onTooLong: 'truncate' });
    return {
      row,
      human: row.score / row.maxScoreObserved,
      engine: report.maxScore === 0 ? 0 : report.score / report.maxScore,
    };
  });
}

/** The verdict the cut points give a ratio. */
export function verdictOf(ratio: number, cuts: CutPoints): SafVerification {
  if (ratio >= cuts.correctMin) return 'Correct';
  if (ratio <= cuts.incorrectMax) return 'Incorrect';
  return 'Partially correct';
}

/**
 * The cut points that maximise 3-class accuracy of `verdictOf(ratio)` against `gold`. Candidates are the
 * observed ratios (plus "never" at either end); ties go to the lowest `incorrectMax`, then the lowest
 * `correctMin`.
 */
export function tuneCutPoints(
  ratios: readonly number[],
  gold: readonly SafVerification[],
): { cutPoints: CutPoints; accuracy: number } {
  const values = [...new Set(ratios)].sort((a, b) => a - b);
  const k = values.length;
  const index = new Map(values.map((v, i) => [v, i]));
  // prefix[c][i] = answers of class c among the i smallest distinct values.
  const prefix = SAF_VERDICTS.map(() => new Array<number>(k + 1).fill(0));
  const counts = SAF_VERDICTS.map(() => new Array<number>(k).fill(0));
  ratios.forEach((ratio, i) => {
    const c = SAF_VERDICTS.indexOf(gold[i] as SafVerification);
    const row = counts[c] as number[];
    const at = index.get(ratio) as number;
    row[at] = (row[at] as number) + 1;
  });
  SAF_VERDICTS.forEach((_, c) => {
    const p = prefix[c] as number[];
    const row = counts[c] as number[];
    for (let i = 0; i < k; i++) p[i + 1] = (p[i] as number) + (row[i] as number);
  });
  const [pc, pp, pi] = prefix as [number[], number[], number[]];
  // Incorrect = the `lo` smallest values, Correct = values from index `hi` on, lo <= hi.
  let best = { lo: 0, hi: k, hits: -1 };
  for (let lo = 0; lo <= k; lo++) {
    for (let hi = lo; hi <= k; hi++) {
      const hits =
        (pi[lo] as number) + (pp[hi] as number) - (pp[lo] as number) + (pc[k] as number) - (pc[hi] as number);
      if (hits > best.hits) best = { lo, hi, hits };
    }
  }
  const cutPoints: CutPoints = {
    incorrectMax: best.lo === 0 ? Number.NEGATIVE_INFINITY : (values[best.lo - 1] as number),
    correctMin: best.hi === k ? Number.POSITIVE_INFINITY : (values[best.hi] as number),
  };
  return { cutPoints, accuracy: ratios.length === 0 ? Number.NaN : best.hits / ratios.length };
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

const toQwkScale = (x: number): number => Math.round(x * QWK_STEPS);

function splitMetrics(split: SafSplit, graded: readonly SafGraded[], cuts: CutPoints): SafSplitMetrics {
  const human = graded.map((g) => g.human);
  const engine = graded.map((g) => g.engine);
  const gold = graded.map((g) => g.row.verification);
  const predicted = engine.map((ratio) => verdictOf(ratio, cuts));
  return {
    split,
    n: graded.length,
    questions: new Set(graded.map((g) => g.row.questionId)).size,
    pearson: pearson(engine, human),
    rmse: rmse(engine, human),
    qwk: quadraticWeightedKappa(engine.map(toQwkScale), human.map(toQwkScale), { min: 0, max: QWK_STEPS }),
    accuracy: accuracy(gold, predicted),
    confusion: confusionMatrix(gold, predicted, SAF_VERDICTS),
  };
}

/**
 * Grades every SAF row with `<rubricDir>/<questionId>.yaml` (each rubric compiled once) and measures, per split,
 * Pearson r / RMSE / QWK of the normalized score and 3-class verdict accuracy, with verdict cut points tuned on
 * the `training` split only and applied unchanged to the test splits.
 */
export async function evaluateSaf(
  rows: readonly SafRow[],
  rubricDir: string,
  options: EvaluateSafOptions = {},
): Promise<SafEvaluation> {
  const rubrics = await loadSafRubrics(rows, rubricDir);
  const graded = gradeSafRows(rows, rubrics);
  const bySplit = (split: SafSplit) => graded.filter((g) => g.row.split === split);

  const training = bySplit('training');
  if (training.length === 0) throw new Error('rubricate: no SAF training rows to choose cut points on');
  const tuned = tuneCutPoints(
    training.map((g) => g.engine),
    training.map((g) => g.row.verification),
  );

  const present = SAF_SPLITS.filter((split) => bySplit(split).length > 0);
  const splits = present.map((split) => splitMetrics(split, bySplit(split), tuned.cutPoints));

  const perQuestion: SafQuestionMetrics[] = [];
  for (const split of present.filter((s) => s !== 'training')) {
    const splitRows = bySplit(split);
    for (const questionId of [...new Set(splitRows.map((g) => g.row.questionId))].sort()) {
      const q = splitRows.filter((g) => g.row.questionId === questionId);
      perQuestion.push({
        split,
        questionId,
        n: q.length,
        pearson: pearson(
          q.map((g) => g.engine),
          q.map((g) => g.human),
        ),
        humanMean: mean(q.map((g) => g.human)),
        engineMean: mean(q.map((g) => g.engine)),
      });
    }
  }

  const keep = options.worst ?? 5;
  const worst: SafDisagreement[] = [];
  for (const split of present) {
    const sorted = [...bySplit(split)].sort(
      (a, b) =>
        Math.abs(b.engine - b.human) - Math.abs(a.engine - a.human) ||
        a.row.questionId.localeCompare(b.row.questionId) ||
        a.row.studentAnswerId.localeCompare(b.row.studentAnswerId),
    );
    for (const g of sorted.slice(0, keep)) {
      worst.push({
        split,
        questionId: g.row.questionId,
        studentAnswerId: g.row.studentAnswerId,
        answer: g.row.studentAnswer,
        human: g.human,
        engine: g.engine,
      });
    }
  }

  return {
    graded,
    cutPoints: tuned.cutPoints,
    trainingAccuracy: tuned.accuracy,
    splits,
    perQuestion,
    worst,
    naivePearson: safNaivePearson(graded, rubrics),
  };
}
