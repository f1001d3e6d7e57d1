import { describe, expect, it } from 'vitest';
import type { SemEvalLabel, SemEvalRow, SemEvalSplit } from '../../eval/datasets.js';
import { draftSemEvalRubrics, gradeSemEvalRows } from '../../eval/evaluateSemEval.js';
import { type AliasRules, suggestSemEvalAliases } from '../../eval/suggestSemEvalAliases.js';

/** A SemEval row for a made-up SciEntsBank question. */
function row(
  studentAnswer: string,
  label: SemEvalLabel,
  split: SemEvalSplit = 'train',
  questionId = 'PUDDLE',
): SemEvalRow {
  return {
    way: '3way',
    corpus: 'sciEntsBank',
    split,
    questionId,
    module: 'M',
    question: 'Why was the puddle gone in the afternoon?',
    referenceAnswers: [{ kind: null, text: 'The water evaporated.' }],
    nRefs: 1,
    studentAnswerId: `${questionId}.${studentAnswer}`,
    studentAnswer,
    label,
    answerMatch: '',
  };
}

const RULES: AliasRules = { top: 3, minCount: 3, minLift: 2, placement: 'required', references: 'all' };

// Three correct answers say "vanished", which the drafted rubric does not match; the incorrect ones never do.
const train = [
  row('It vanished in the heat.', 'correct'),
  row('the sun made it vanish', 'correct'),
  row('The puddle vanished.', 'correct'),
  row('The water evaporated into the air.', 'correct'),
  row('It soaked into the ground.', 'incorrect'),
  row('A dog drank it.', 'incorrect'),
  row('The ground soaked it up.', 'incorrect'),
];

describe('suggestSemEvalAliases', () => {
  it('adds a phrase correct marked answers use to the rubric, so a new answer using it is credited', () => {
    const unseen = row('I think it just vanished', 'correct', 'test-unseen-answers');
    const drafted = draftSemEvalRubrics([...train, unseen]);
    expect(gradeSemEvalRows([unseen], drafted)[0]?.coverage).toBe(0);

    const { drafted: aliased, added } = suggestSemEvalAliases(drafted, train, RULES);
    expect(added).toContainEqual(
      expect.objectContaining({ question: 'sciEntsBank/PUDDLE', phrase: 'vanished' }),
    );
    expect(gradeSemEvalRows([unseen], aliased)[0]?.coverage).toBe(0.5); // one of two concepts
    // The incorrect answers' words were not added.
    expect(
      gradeSemEvalRows([row('It soaked into the ground.', 'incorrect', 'test-unseen-answers')], aliased)[0]
        ?.coverage,
    ).toBe(0);
  });

  it('adds nothing to a question without marked answers', () => {
    const other = row('It vanished.', 'correct', 'test-unseen-questions', 'OTHER');
    const drafted = draftSemEvalRubrics([...train, other]);
    const { drafted: aliased, added } = suggestSemEvalAliases(drafted, train, RULES);
    expect(aliased.get('sciEntsBank/OTHER')).toBe(drafted.get('sciEntsBank/OTHER'));
    expect(added.filter((a) => a.question === 'sciEntsBank/OTHER')).toEqual([]);
    expect(gradeSemEvalRows([other], aliased)[0]?.coverage).toBe(0);
  });

  it('adds at most `top` aliases per rubric, each in at least `minCount` correct answers', () => {
    const drafted = draftSemEvalRubrics(train);
    expect(suggestSemEvalAliases(drafted, train, { ...RULES, minCount: 4 }).added).toEqual([]);
    expect(suggestSemEvalAliases(drafted, train, { ...RULES, top: 1 }).added).toHaveLength(1);
  });
});
