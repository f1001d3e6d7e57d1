import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  datasetsDir,
  loadSaf,
  loadSemEval,
  parseReferenceAnswers,
  restoreApostrophes,
  SAF_FILE,
  SEMEVAL_FILE,
} from '../../eval/datasets.js';

const SEMEVAL_HEADER =
  'way,corpus,split,question_id,module,question,reference_answers,n_refs,student_answer_id,student_answer,label,answer_match';
const SAF_HEADER =
  'split,file,question_id,module,question,reference_answer,student_answer_id,student_answer,score,verification,feedback,max_score_observed';

describe('parseReferenceAnswers', () => {
  it("splits on ' ||| ' and strips Beetle kind prefixes", () => {
    expect(
      parseReferenceAnswers('[BEST] the gap ||| [GOOD] not connected ||| [MINIMAL] gap ||| [KEYWORD] gap'),
    ).toEqual([
      { kind: 'best', text: 'the gap' },
      { kind: 'good', text: 'not connected' },
      { kind: 'minimal', text: 'gap' },
      { kind: 'keyword', text: 'gap' },
    ]);
  });

  it('gives kind null to an unmarked SciEntsBank reference', () => {
    expect(parseReferenceAnswers('The water was evaporated, leaving the salt.')).toEqual([
      { kind: null, text: 'The water was evaporated, leaving the salt.' },
    ]);
  });
});

describe('restoreApostrophes', () => {
  it('reads Beetle\'s " and ^ between two letters as an apostrophe, so "don"t" negates like "don\'t"', () => {
    expect(restoreApostrophes('they don"t touch; the bulb"s terminal')).toBe(
      "they don't touch; the bulb's terminal",
    );
    expect(restoreApostrophes('Why didn^t bulbs A and C go out?')).toBe("Why didn't bulbs A and C go out?");
  });

  it('leaves quotation marks and carets that are not inside a word', () => {
    const text = 'in the same path "series" and 2^3 or x ^ y';
    expect(restoreApostrophes(text)).toBe(text);
  });
});

describe('loaders on a fixture directory', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rubricate-datasets-'));
    await writeFile(
      path.join(dir, SEMEVAL_FILE),
      `${SEMEVAL_HEADER}\r\n3way,beetle,train,Q1,M,"Why, then?",[BEST] a ||| [GOOD] b,2,S1,"it is ""open""\nreally",contradictory,answer7\r\n`,
    );
    await writeFile(
      path.join(dir, SAF_FILE),
      `${SAF_HEADER}\r\nunseen_answers,1.2.xml,1.2,,Q?,Ref,1.2.3,Ans,0.75,Partially correct,"Missing X.",2.5\r\n`,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true });
  });

  it('loadSemEval types the row, parses n_refs and splits reference answers', async () => {
    expect(await loadSemEval(dir)).toEqual([
      {
        way: '3way',
        corpus: 'beetle',
        split: 'train',
        questionId: 'Q1',
        module: 'M',
        question: 'Why, then?',
        referenceAnswers: [
          { kind: 'best', text: 'a' },
          { kind: 'good', text: 'b' },
        ],
        nRefs: 2,
        studentAnswerId: 'S1',
        studentAnswer: 'it is "open"\nreally',
        label: 'contradictory',
        answerMatch: 'answer7',
      },
    ]);
  });

  it('loadSaf parses score and max_score_observed', async () => {
    expect(await loadSaf(dir)).toEqual([
      {
        split: 'unseen_answers',
        file: '1.2.xml',
        questionId: '1.2',
        module: '',
        question: 'Q?',
        referenceAnswer: 'Ref',
        studentAnswerId: '1.2.3',
        studentAnswer: 'Ans',
        score: 0.75,
        verification: 'Partially correct',
        feedback: 'Missing X.',
        maxScoreObserved: 2.5,
      },
    ]);
  });

  it('reads RUBRICATE_DATASETS when no directory is given', async () => {
    vi.stubEnv('RUBRICATE_DATASETS', dir);
    try {
      expect(datasetsDir()).toBe(dir);
      expect(await loadSaf()).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('prefers an explicit directory over RUBRICATE_DATASETS', () => {
    vi.stubEnv('RUBRICATE_DATASETS', '/nowhere');
    try {
      expect(datasetsDir(dir)).toBe(dir);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('throws naming the file, line and column of a bad value', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'rubricate-datasets-bad-'));
    try {
      await writeFile(
        path.join(bad, SAF_FILE),
        `${SAF_HEADER}\nunseen_answers,f,q,,Q,R,id,A,lots,Correct,ok,1\n`,
      );
      await expect(loadSaf(bad)).rejects.toThrowError(
        `rubricate: ${path.join(bad, SAF_FILE)}:2 column score is "lots", expected a number`,
      );
      await writeFile(path.join(bad, SEMEVAL_FILE), 'way,corpus\n3way,beetle\n');
      await expect(loadSemEval(bad)).rejects.toThrowError(
        `has header "way,corpus", expected "${SEMEVAL_HEADER}"`,
      );
    } finally {
      await rm(bad, { recursive: true });
    }
  });
});

const realDir = datasetsDir();
const hasRealData = existsSync(path.join(realDir, SEMEVAL_FILE)) && existsSync(path.join(realDir, SAF_FILE));
const realTitle = (title: string): string =>
  hasRealData ? title : `${title} — SKIPPED: no datasets in ${realDir}; set RUBRICATE_DATASETS`;

/** Counts rows per key, as `key → count`. */
function countBy<T>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

describe('real datasets', () => {
  it.skipIf(!hasRealData)(realTitle('semeval2013-task7.csv has the split sizes of the README'), async () => {
    const rows = await loadSemEval();
    expect(countBy(rows, (row) => `${row.corpus} ${row.split}`)).toEqual({
      'sciEntsBank train': 4969,
      'sciEntsBank test-unseen-answers': 540,
      'sciEntsBank test-unseen-questions': 733,
      'sciEntsBank test-unseen-domains': 4562,
      'beetle train': 3941,
      'beetle test-unseen-answers': 439,
      'beetle test-unseen-questions': 819,
    });
    expect(rows.every((row) => row.referenceAnswers.length === row.nRefs)).toBe(true);
    expect(
      rows.some((row) => row.corpus === 'beetle' && row.referenceAnswers.some((ref) => ref.kind === null)),
    ).toBe(false);
  });

  it.skipIf(!hasRealData)(realTitle('saf2-en.csv has the split sizes of the README'), async () => {
    const rows = await loadSaf();
    expect(countBy(rows, (row) => row.split)).toEqual({
      training: 2127,
      unseen_answers: 375,
      unseen_questions: 479,
    });
    expect(new Set(rows.map((row) => row.questionId)).size).toBe(31);
    expect(rows.every((row) => row.score >= 0 && row.score <= row.maxScoreObserved)).toBe(true);
  });
});
