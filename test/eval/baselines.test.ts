import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BASELINE_REFERENCE,
  bestReferenceCoverage,
  classify,
  contentWords,
  referenceCoverage,
  safOverlapBaseline,
  scoreTwoWay,
  semEvalOverlapBaseline,
  tuneThreshold,
} from '../../eval/baselines.js';
import {
  datasetsDir,
  loadSaf,
  loadSemEval,
  SAF_FILE,
  type SafRow,
  SEMEVAL_FILE,
  type SemEvalLabel,
  type SemEvalRow,
  type SemEvalSplit,
} from '../../eval/datasets.js';

const REFERENCE = 'bulb lit switch closed';

function semEvalRow(split: SemEvalSplit, studentAnswer: string, label: SemEvalLabel): SemEvalRow {
  return {
    way: '3way',
    corpus: 'beetle',
    split,
    questionId: 'Q',
    module: 'M',
    question: 'What happens?',
    referenceAnswers: [{ kind: 'best', text: REFERENCE }],
    nRefs: 1,
    studentAnswerId: studentAnswer,
    studentAnswer,
    label,
    answerMatch: '',
  };
}

function safRow(split: SafRow['split'], studentAnswer: string, score: number): SafRow {
  return {
    split,
    file: 'f.xml',
    questionId: 'q',
    module: '',
    question: 'Q?',
    referenceAnswer: REFERENCE,
    studentAnswerId: studentAnswer,
    studentAnswer,
    score,
    verification: 'Correct',
    feedback: '',
    maxScoreObserved: 2,
  };
}

describe('word overlap', () => {
  it('contentWords lower-cases, tokenizes and drops stop words', () => {
    expect(contentWords('The Bulb, is NOT lit! (Bulb-2)')).toEqual(['bulb', 'lit', 'bulb', '2']);
  });

  it('referenceCoverage is the share of distinct reference content words in the answer', () => {
    expect(referenceCoverage('the bulb is lit', 'The bulb and the switch are lit, the bulb')).toBeCloseTo(
      2 / 3,
      12,
    );
    expect(referenceCoverage('anything', 'the of and')).toBe(0);
  });

  it('bestReferenceCoverage takes the best-matching reference', () => {
    expect(bestReferenceCoverage('bulb is lit', ['switch closed', 'bulb lit', 'bulb switch'])).toBe(1);
    expect(bestReferenceCoverage('bulb is lit', [])).toBe(0);
  });
});

describe('tuneThreshold', () => {
  it('picks the lowest threshold with the best 2-way macro-F1', () => {
    // At 0.4 and at 0.9 macro-F1 is (0.8 + 2/3) / 2; at 0.1 and 0.5 it is lower.
    expect(tuneThreshold([0.1, 0.4, 0.5, 0.9], ['incorrect', 'correct', 'incorrect', 'correct'])).toBe(0.4);
  });

  it('returns Infinity when predicting nothing correct is best', () => {
    // Macro-F1 is 0.25 at 0.1 and at 0.9, but (0.8 + 0) / 2 when everything is predicted incorrect.
    expect(tuneThreshold([0.9, 0.1, 0.1], ['incorrect', 'incorrect', 'correct'])).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('scores predictions made with the threshold', () => {
    const predicted = classify([0.1, 0.4, 0.5, 0.9], 0.4);
    expect(predicted).toEqual(['incorrect', 'correct', 'correct', 'correct']);
    const scores = scoreTwoWay(['incorrect', 'correct', 'incorrect', 'correct'], predicted);
    expect(scores.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
    expect(scores.accuracy).toBe(0.75);
  });
});

describe('semEvalOverlapBaseline', () => {
  const train = [
    semEvalRow('train', 'bulb lit switch closed', 'correct'),
    semEvalRow('train', 'the bulb is lit and the switch', 'correct'),
    semEvalRow('train', 'a bulb', 'incorrect'),
    semEvalRow('train', 'nothing', 'contradictory'),
  ];

  it('tunes on train only and applies that threshold to each test split', () => {
    const test = [
      semEvalRow('test-unseen-answers', 'bulb lit', 'correct'),
      semEvalRow('test-unseen-answers', 'bulb lit switch closed', 'contradictory'),
    ];
    const results = semEvalOverlapBaseline([...train, ...test]);
    expect(
      results.map(({ split, size, threshold, macroF1, accuracy }) => ({
        split,
        size,
        threshold,
        macroF1,
        accuracy,
      })),
    ).toEqual([
      { split: 'train', size: 4, threshold: 0.75, macroF1: 1, accuracy: 1 },
      { split: 'test-unseen-answers', size: 2, threshold: 0.75, macroF1: 0, accuracy: 0 },
    ]);
  });

  it('throws when a corpus has no train split', () => {
    expect(() => semEvalOverlapBaseline([semEvalRow('test-unseen-answers', 'x', 'correct')])).toThrowError(
      'rubricate: no train rows for corpus beetle to tune a threshold on',
    );
  });
});

describe('safOverlapBaseline', () => {
  it('correlates reference coverage with score / maxScoreObserved per split', () => {
    const rows = [
      safRow('training', 'nothing', 0),
      safRow('training', 'bulb', 1),
      safRow('training', 'bulb lit switch closed', 2),
      safRow('unseen_answers', 'nothing', 2),
      safRow('unseen_answers', 'bulb lit', 1),
    ];
    // training: coverage (0, 1/4, 1) against (0, 1/2, 1): covariance 1/2, variances 13/24 and 1/2.
    expect(safOverlapBaseline(rows)).toEqual([
      { split: 'training', size: 3, pearson: expect.closeTo(0.5 / Math.sqrt((13 / 24) * 0.5), 12) },
      { split: 'unseen_answers', size: 2, pearson: expect.closeTo(-1, 12) },
    ]);
  });
});

const realDir = datasetsDir();
const hasRealData = existsSync(path.join(realDir, SEMEVAL_FILE)) && existsSync(path.join(realDir, SAF_FILE));
const realTitle = (title: string): string =>
  hasRealData ? title : `${title} — SKIPPED: no datasets in ${realDir}; set RUBRICATE_DATASETS`;

describe('baselines on the real datasets', () => {
  it.skipIf(!hasRealData)(realTitle('SemEval 2-way macro-F1 stays near the README reference'), async () => {
    const macroF1 = Object.fromEntries(
      semEvalOverlapBaseline(await loadSemEval())
        .filter((result) => result.split !== 'train')
        .map((result) => [`${result.corpus} ${result.split}`, result.macroF1]),
    );
    expect(macroF1).toEqual({
      'sciEntsBank test-unseen-answers': expect.closeTo(0.6593, 3),
      'sciEntsBank test-unseen-questions': expect.closeTo(0.6887, 3),
      'sciEntsBank test-unseen-domains': expect.closeTo(0.6898, 3),
      'beetle test-unseen-answers': expect.closeTo(0.7417, 3),
      'beetle test-unseen-questions': expect.closeTo(0.6941, 3),
    });
    for (const [corpus, splits] of Object.entries(BASELINE_REFERENCE.semEvalMacroF1)) {
      for (const [split, reference] of Object.entries(splits)) {
        expect(
          Math.abs((macroF1[`${corpus} ${split}`] ?? Number.NaN) - reference),
          `${corpus} ${split}`,
        ).toBeLessThan(0.08);
      }
    }
  });

  it.skipIf(!hasRealData)(realTitle('SAF Pearson r stays near the README reference'), async () => {
    const results = safOverlapBaseline(await loadSaf());
    const r = Object.fromEntries(results.map((result) => [result.split, result.pearson]));
    expect(r.unseen_answers).toBeCloseTo(BASELINE_REFERENCE.safPearson.unseen_answers, 1);
    expect(r.unseen_questions).toBeCloseTo(BASELINE_REFERENCE.safPearson.unseen_questions, 1);
    expect(r).toEqual({
      training: expect.closeTo(0.2278, 3),
      unseen_answers: expect.closeTo(0.2371, 3),
      unseen_questions: expect.closeTo(0.5064, 3),
    });
  });
});
