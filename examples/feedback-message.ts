// Turn a report into a short feedback message for a candidate.
import { type GradeReport, grade, loadRubric } from 'rubricate';

function feedbackMessage(report: GradeReport): string {
  const covered = report.concepts.filter((c) => c.status === 'met').map((c) => c.label);
  const lines = [`You scored ${report.score} out of ${report.maxScore} (${report.band}).`];
  if (covered.length > 0) lines.push(`You covered: ${covered.join(', ')}.`);
  if (report.feedback.length > 0) lines.push('To improve:', ...report.feedback.map((f) => `- ${f}`));
  return lines.join('\n');
}

const rubric = await loadRubric('devops/environments');
console.log(feedbackMessage(grade(rubric, 'We have dev, staging and production environments.')));
