import type { SemEvalLabel, SemEvalRow, SemEvalSplit } from '../../eval/datasets.js';

/** The question a test's rows answer: its id, text and reference answers. */
type Question = Pick<SemEvalRow, 'questionId' | 'question' | 'referenceAnswers'>;

/**
 * Rows answering a made-up Beetle question: `(answer, label, split = 'train')` gives a row, the rest fixed (the
 * answer is its own id; n_refs counts the references).
 */
export function answersTo(question: Question) {
  return (studentAnswer: string, label: SemEvalLabel, split: SemEvalSplit = 'train'): SemEvalRow => ({
    way: '3way',
    corpus: 'beetle',
    split,
    module: 'M',
    ...question,
    nRefs: question.referenceAnswers.length,
    studentAnswerId: studentAnswer,
    studentAnswer,
    label,
    answerMatch: '',
  });
}
