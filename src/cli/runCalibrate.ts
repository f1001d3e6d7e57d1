import { calibrate } from '../calibrate/calibrate.js';
import { type CalibrationFormat, renderCalibration } from '../calibrate/renderCalibration.js';
import { loadRubric } from '../rubric/loadRubric.js';
import { readMarked } from './readMarked.js';
import { reportSkipped } from './reportSkipped.js';
import { wholeNumberOption } from './wholeNumberOption.js';

/** `rubricate calibrate`: grade a marked file, print the agreement report, warn about each skipped row. */
export async function runCalibrate(
  ref: string,
  file: string,
  options: { format: CalibrationFormat; worst: string; color: boolean },
  output: { out: (text: string) => void; warn: (line: string) => void },
): Promise<void> {
  const worst = wholeNumberOption('--worst', options.worst, 0);
  const rubric = await loadRubric(ref);
  const { rows, skipped } = await readMarked(file);
  const result = calibrate(rubric, rows, { worst });
  const all = reportSkipped(file, skipped, result.skipped, output.warn);
  output.out(renderCalibration({ ...result, skipped: all }, options.format, { color: options.color }));
}
