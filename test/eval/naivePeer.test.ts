import { describe, expect, it } from 'vitest';
import type { SafRow } from '../../eval/datasets.js';
import type { SafGraded } from '../../eval/evaluateSaf.js';
import { draftSemEvalRubrics, evaluateSemEval, gradeSemEvalRows } from '../../eval/evaluateSemEval.js';
import { safNaivePearson, semEvalNaiveCoverage } from '../../eval/naivePeer.js';
import { compileRubric } from '../../src/rubric/compileRubric.js';
import { answersTo } from './semEvalRow.js';

/** Answers to a made-up Beetle question whose references say the terminals are not connected. */
const answer = answersTo({
  questionId: 'OPEN_Q',
  question: 'Why does the voltmeter read 1.5 volts?',
  referenceAnswers: [
    { kind: 'best', text: 'The terminals are not connected.' },
    { kind: 'minimal', text: 'There is a gap.' },
  ],
});

describe('naive peer on SemEval', () => {
  const rows = [
    answer('The terminals are not connected to each other.', 'correct'),
    answer('there is a gap', 'correct'),
    answer('the terminals are connected', 'contradictory'),
    answer('there is no gap', 'contradictory'),
    answer('the battery is flat', 'incorrect'),
  ];
  const drafted = draftSemEvalRubrics(rows);
  const graded = gradeSemEvalRows(rows, drafted);

  it('finds words, not what the answer says of them: it misses the negations rubricate reads', () => {
    expect(graded.map((g) => g.coverage)).toEqual([1, 0.8, 0, 0, 0]);
    // "connected" inside "not connected" triggers the drafted misconception; "no gap" holds "gap".
    expect(semEvalNaiveCoverage(graded, drafted)).toEqual([0.5, 0.8, 0, 0.8, 0]);
  });

  it('tunes its own threshold on train and scores each split present, with no threshold for an absent corpus', () => {
    const peer = evaluateSemEval([
      ...rows,
      answer('a gap', 'correct', 'test-unseen-answers'),
      answer('no gap', 'incorrect', 'test-unseen-answers'),
    ]).naive;
    expect(peer.thresholds).toEqual({ sciEntsBank: Number.NaN, beetle: 0.5 });
    expect([...peer.macroF1.keys()]).toEqual(['beetle train', 'beetle test-unseen-answers']);
    // train: "there is no gap" is the one answer on the wrong side; the new split credits "no gap" too.
    expect(peer.macroF1.get('beetle train')).toBeCloseTo(0.8, 10);
    expect(peer.macroF1.get('beetle test-unseen-answers')).toBeCloseTo(1 / 3, 10);
  });
});

describe('naive peer on SAF', () => {
  const rubric = compileRubric({
    id: 'q',
    title: 'Encoding',
    concepts: [
      { id: 'binary', label: 'binary encoding', match: ['binary'] },
      { id: 'clock', label: 'perfect clocks', match: ['clock*'] },
    ],
  });
  const safRow = (studentAnswer: string, split: SafRow['split'] = 'unseen_answers'): SafRow => ({
    split,
    file: 'f',
    questionId: 'q',
    module: 'm',
    question: 'Which encoding?',
    referenceAnswer: 'Binary encoding, since clocks are perfect.',
    studentAnswerId: studentAnswer,
    studentAnswer,
    score: 0,
    verification: 'Incorrect',
    feedback: '',
    maxScoreObserved: 1,
  });
  const graded = (studentAnswer: string, human: number, split?: SafRow['split']): SafGraded => ({
    row: safRow(studentAnswer, split),
    human,
    engine: 0,
  });

  it('correlates its ratio with the human score per split', () => {
    const r = safNaivePearson(
      [
        graded('binary, as the clocks are perfect', 1),
        graded('binary', 0.5),
        graded('manchester', 0),
        graded('binary', 1, 'training'),
        graded('manchester', 0, 'training'),
      ],
      new Map([['q', rubric]]),
    );
    expect(r.get('unseen_answers')).toBeCloseTo(1, 10);
    expect(r.get('training')).toBeCloseTo(1, 10);
  });

  it('names a question without a rubric', () => {
    expect(() => safNaivePearson([graded('binary', 1)], new Map())).toThrow(/no rubric for SAF question q/);
  });
});
