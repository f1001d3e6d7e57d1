import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecords } from '../src/io/parseCsv.js';

/** SemEval-2013 Task 7 corpora, as spelled in the CSV. */
export type SemEvalCorpus = 'sciEntsBank' | 'beetle';
/** SemEval-2013 Task 7 splits. */
export type SemEvalSplit = 'train' | 'test-unseen-answers' | 'test-unseen-questions' | 'test-unseen-domains';
/** SemEval-2013 Task 7 3-way labels; the 2-way task is `correct` against the other two. */
export type SemEvalLabel = 'correct' | 'contradictory' | 'incorrect';
/** Beetle's reference-answer kinds; SciEntsBank does not mark kinds (`null`). */
export type ReferenceKind = 'best' | 'good' | 'minimal' | 'keyword';

/** One reference answer with its kind. */
export interface ReferenceAnswer {
  kind: ReferenceKind | null;
  text: string;
}

/** One student answer from semeval2013-task7.csv. */
export interface SemEvalRow {
  way: string;
  corpus: SemEvalCorpus;
  split: SemEvalSplit;
  questionId: string;
  module: string;
  question: string;
  referenceAnswers: ReferenceAnswer[];
  nRefs: number;
  studentAnswerId: string;
  studentAnswer: string;
  label: SemEvalLabel;
  answerMatch: string;
}

/** SAF splits. */
export type SafSplit = 'training' | 'unseen_answers' | 'unseen_questions';
/** SAF tutor verdicts. */
export type SafVerification = 'Correct' | 'Partially correct' | 'Incorrect';

/** One student answer from saf2-en.csv. */
export interface SafRow {
  split: SafSplit;
  file: string;
  questionId: string;
  module: string;
  question: string;
  referenceAnswer: string;
  studentAnswerId: string;
  studentAnswer: string;
  score: number;
  verification: SafVerification;
  feedback: string;
  maxScoreObserved: number;
}

/** File name of the SemEval-2013 Task 7 dataset. */
export const SEMEVAL_FILE = 'semeval2013-task7.csv';
/** File name of the SAF v2.0 English dataset. */
export const SAF_FILE = 'saf2-en.csv';

const SEMEVAL_COLUMNS = [
  'way',
  'corpus',
  'split',
  'question_id',
  'module',
  'question',
  'reference_answers',
  'n_refs',
  'student_answer_id',
  'student_answer',
  'label',
  'answer_match',
] as const;

const SAF_COLUMNS = [
  'split',
  'file',
  'question_id',
  'module',
  'question',
  'reference_answer',
  'student_answer_id',
  'student_answer',
  'score',
  'verification',
  'feedback',
  'max_score_observed',
] as const;

/** The key of a SemEval row's question (`corpus/questionId`): question ids repeat across corpora. */
export const questionKey = (row: Pick<SemEvalRow, 'corpus' | 'questionId'>): string =>
  `${row.corpus}/${row.questionId}`;

/** The SemEval corpora, in report order. */
export const CORPORA: readonly SemEvalCorpus[] = ['sciEntsBank', 'beetle'];
/** The SemEval splits, in report order (train first). */
export const SEMEVAL_SPLITS: readonly SemEvalSplit[] = [
  'train',
  'test-unseen-answers',
  'test-unseen-questions',
  'test-unseen-domains',
];
const LABELS: readonly SemEvalLabel[] = ['correct', 'contradictory', 'incorrect'];
const SAF_SPLITS: readonly SafSplit[] = ['training', 'unseen_answers', 'unseen_questions'];
const VERIFICATIONS: readonly SafVerification[] = ['Correct', 'Partially correct', 'Incorrect'];
const KIND_PREFIX = /^\[(BEST|GOOD|MINIMAL|KEYWORD)\]\s*/;

/** The datasets directory: `dir`, else `$RUBRICATE_DATASETS`, else `../shared/datasets` beside the repo. */
export function datasetsDir(dir?: string): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return dir ?? process.env.RUBRICATE_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
}

/** Splits a `reference_answers` cell on ` ||| ` and strips Beetle's `[BEST]`-style prefixes into `kind`. */
export function parseReferenceAnswers(cell: string): ReferenceAnswer[] {
  return cell.split(' ||| ').map((part) => {
    const prefix = KIND_PREFIX.exec(part);
    if (prefix === null) return { kind: null, text: part.trim() };
    return {
      kind: (prefix[1] as string).toLowerCase() as ReferenceKind,
      text: part.slice(prefix[0].length).trim(),
    };
  });
}

/**
 * Beetle's export wrote the apostrophe of a contraction or possessive as `"` in student answers ("don"t", "bulb"s":
 * 112 `train` answers) and as `^` in questions ("didn^t"): between two letters, either is read as `'`.
 */
const MANGLED_APOSTROPHE = /(?<=\p{L})["^](?=\p{L})/gu;

/** A text with Beetle's mangled apostrophes restored (`MANGLED_APOSTROPHE`). */
export const restoreApostrophes = (text: string): string => text.replace(MANGLED_APOSTROPHE, "'");

/** Loads every row of semeval2013-task7.csv with numbers parsed, reference answers split and apostrophes restored. */
export async function loadSemEval(dir?: string): Promise<SemEvalRow[]> {
  const rows: SemEvalRow[] = [];
  for await (const { get, where } of tableRows(path.join(datasetsDir(dir), SEMEVAL_FILE), SEMEVAL_COLUMNS)) {
    rows.push({
      way: get('way'),
      corpus: oneOf(get('corpus'), CORPORA, where('corpus')),
      split: oneOf(get('split'), SEMEVAL_SPLITS, where('split')),
      questionId: get('question_id'),
      module: get('module'),
      question: restoreApostrophes(get('question')),
      referenceAnswers: parseReferenceAnswers(restoreApostrophes(get('reference_answers'))),
      nRefs: toNumber(get('n_refs'), where('n_refs')),
      studentAnswerId: get('student_answer_id'),
      studentAnswer: restoreApostrophes(get('student_answer')),
      label: oneOf(get('label'), LABELS, where('label')),
      answerMatch: get('answer_match'),
    });
  }
  return rows;
}

/** Loads every row of saf2-en.csv with `score` and `max_score_observed` parsed. */
export async function loadSaf(dir?: string): Promise<SafRow[]> {
  const rows: SafRow[] = [];
  for await (const { get, where } of tableRows(path.join(datasetsDir(dir), SAF_FILE), SAF_COLUMNS)) {
    rows.push({
      split: oneOf(get('split'), SAF_SPLITS, where('split')),
      file: get('file'),
      questionId: get('question_id'),
      module: get('module'),
      question: get('question'),
      referenceAnswer: get('reference_answer'),
      studentAnswerId: get('student_answer_id'),
      studentAnswer: get('student_answer'),
      score: toNumber(get('score'), where('score')),
      verification: oneOf(get('verification'), VERIFICATIONS, where('verification')),
      feedback: get('feedback'),
      maxScoreObserved: toNumber(get('max_score_observed'), where('max_score_observed')),
    });
  }
  return rows;
}

interface TableRow<C extends string> {
  get(column: C): string;
  where(column: C): string;
}

/** Streams the data records of a CSV file whose header must be exactly `columns`. */
async function* tableRows<C extends string>(
  file: string,
  columns: readonly C[],
): AsyncGenerator<TableRow<C>> {
  let header = true;
  for await (const { fields, line } of csvRecords(createReadStream(file, 'utf8'))) {
    if (header) {
      header = false;
      if (fields.join(',') !== columns.join(',')) {
        throw new Error(
          `rubricate: ${file} has header "${fields.join(',')}", expected "${columns.join(',')}"`,
        );
      }
      continue;
    }
    if (fields.length !== columns.length) {
      throw new Error(`rubricate: ${file}:${line} has ${fields.length} fields, expected ${columns.length}`);
    }
    yield {
      get: (column) => fields[columns.indexOf(column)] as string,
      where: (column) => `${file}:${line} column ${column}`,
    };
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`rubricate: ${where} is "${value}", expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function toNumber(value: string, where: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new Error(`rubricate: ${where} is "${value}", expected a number`);
  }
  return n;
}
