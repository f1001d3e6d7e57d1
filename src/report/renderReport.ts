import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderText, type TextOptions } from './renderText.js';
import type { GradeReport } from './types.js';

/** Output formats of `renderReport`. */
export type ReportFormat = 'text' | 'markdown' | 'json' | 'html';

/** The formats `renderReport` accepts, for validating user input. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'html'];

/**
 * Render a report: `text` for terminals, `markdown`, `json` (the report exactly), or a self-contained `html` page.
 * @example console.log(renderReport(grade(rubric, answer), 'markdown'));
 */
export function renderReport(report: GradeReport, format: ReportFormat, options: TextOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, options);
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderHtml(report);
  }
}
