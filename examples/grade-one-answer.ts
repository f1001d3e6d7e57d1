// Grade one answer against a bundled rubric and print the text report.
import { grade, loadRubric, renderReport } from 'rubricate';

const rubric = await loadRubric('devops/kpis');
const report = grade(rubric, 'We watch deployment frequency, lead time for changes and MTTR.');
process.stdout.write(renderReport(report, 'text'));
