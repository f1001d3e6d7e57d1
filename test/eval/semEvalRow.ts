import type { SemEvalRow } from '../../eval/datasets.js';

/**
 * A SemEval row for a made-up Beetle question: the fields a test names, the rest fixed (train split; the answer is
 * its own id; n_refs counts the references).
 */
export function semEvalRow(
  fields: Pick<SemEvalRow, 'studentAnswer' | 'label' | 'questionId' | 'question' | 'referenceAnswers'> &
    Partial<SemEvalRow>,
): SemEvalRow {
  return {
    way: '3way',
    corpus: 'beetle',
    split: 'train',
    module: 'M',
    nRefs: fields.referenceAnswers.length,
    studentAnswerId: fields.studentAnswer,
    answerMatch: '',
    ...fields,
  };
}
