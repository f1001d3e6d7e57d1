// Grade a list of answers from code: compile the rubric once, then grade each answer.
import { compileRubric, grade, loadRubric } from 'rubricate';

const compiled = compileRubric(await loadRubric('devops/deployment-types'));
const answers = [
  { id: 'c1', answer: 'Blue-green, canary and rolling deployments.' },
  { id: 'c2', answer: 'We just FTP the files to the server.' },
  { id: 'c3', answer: 'We never did canary releases; everything goes out as a rolling update.' },
];
for (const { id, answer } of answers) {
  const report = grade(compiled, answer);
  console.log(
    `${id}\t${report.score}/${report.maxScore}\t${report.band}\t${report.passed ? 'pass' : 'fail'}`,
  );
}
