import { loadRubric } from '../rubric/loadRubric.js';
import { renderSuggestions, type SuggestionsFormat } from '../suggest/renderSuggestions.js';
import { suggestAliases } from '../suggest/suggestAliases.js';
import { readMarked } from './readMarked.js';
import { reportSkipped } from './reportSkipped.js';
import { wholeNumberOption } from './wholeNumberOption.js';

/** `rubricate suggest`: find candidate aliases in a marked file, print them, warn about each skipped row. */
export async function runSuggest(
  ref: string,
  file: string,
  options: { format: SuggestionsFormat; top: string; minCount: string; color: boolean },
  output: { out: (text: string) => void; warn: (line: string) => void },
): Promise<void> {
  const top = wholeNumberOption('--top', options.top, 1);
  const minCount = wholeNumberOption('--min-count', options.minCount, 1);
  const rubric = await loadRubric(ref);
  const { rows, skipped } = await readMarked(file);
  const result = suggestAliases(rubric, rows, { top, minCount });
  const all = reportSkipped(file, skipped, result.skipped, output.warn);
  output.out(renderSuggestions({ ...result, skipped: all }, options.format, { color: options.color }));
}
