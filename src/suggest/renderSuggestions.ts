import pc from 'picocolors';
import { formatTable } from '../report/formatTable.js';
import { formatCount } from '../report/messages.js';
import type { TextOptions } from '../report/renderText.js';
import { sanitizeTerminal } from '../report/sanitizeTerminal.js';
import type { AliasSuggestions } from './suggestAliases.js';

/** Output formats of `renderSuggestions`. */
export type SuggestionsFormat = 'text' | 'json';

const clean = (text: string) => sanitizeTerminal(text).replace(/\s+/g, ' ').trim();

function renderText(result: AliasSuggestions, options: TextOptions): string {
  const c = pc.createColors(options.color ?? false);
  const lines = [
    c.bold(`Alias suggestions for ${clean(result.rubric.title)} (${clean(result.rubric.id)})`),
    `Phrases in ${formatCount(result.highAnswers, 'high-scoring answer')} that no pattern matches, against ${formatCount(result.lowAnswers, 'low-scoring answer')}${
      result.skipped.length ? `; ${formatCount(result.skipped.length, 'row')} skipped` : ''
    }`,
    '',
  ];
  if (result.suggestions.length === 0) {
    lines.push('No suggestions: no unmatched phrase is frequent enough in high-scoring answers.');
    return `${lines.join('\n')}\n`;
  }
  const table = formatTable(
    [
      ['phrase', 'high', 'low', 'lift', 'nearest concept'],
      ...result.suggestions.map((s) => [
        clean(s.phrase),
        String(s.high),
        String(s.low),
        s.lift.toFixed(2),
        s.nearest ? `${clean(s.nearest.id)} (${s.nearest.similarity.toFixed(2)})` : '–',
      ]),
    ],
    ['left', 'right', 'right', 'right', 'left'],
  );
  lines.push(c.bold(table[0] as string));
  result.suggestions.forEach((s, i) => {
    lines.push(table[i + 1] as string);
    for (const e of s.examples) lines.push(c.dim(`    line ${e.line}: "${clean(e.text)}"`));
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Render alias suggestions: `text` for terminals (a table of phrases with counts, lift and nearest concept,
 * each followed by example snippets) or `json` (the result exactly).
 * @example console.log(renderSuggestions(suggestAliases(rubric, marked), 'text'));
 */
export function renderSuggestions(
  result: AliasSuggestions,
  format: SuggestionsFormat,
  options: TextOptions = {},
): string {
  return format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderText(result, options);
}
