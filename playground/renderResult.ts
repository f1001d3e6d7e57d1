import type { Band, ConceptResult, ConceptStatus, Flag, GradeReport, MisconceptionResult } from 'rubricate';
import { highlightAnswer, PALETTE_SIZE } from './highlightAnswer.js';

/** The elements the result is drawn into. */
export interface ResultView {
  highlighted: HTMLElement;
  score: HTMLElement;
  timing: HTMLElement;
  concepts: HTMLElement;
  misconceptions: HTMLElement;
  feedback: HTMLElement;
  flags: HTMLElement;
}

const STATUS: Readonly<Record<ConceptStatus, { symbol: string; text: string }>> = {
  met: { symbol: '✓', text: 'Met' },
  partial: { symbol: '◐', text: 'Partial' },
  negated: { symbol: '⊘', text: 'Negated' },
  missing: { symbol: '✗', text: 'Missing' },
};

const BANDS: Readonly<Record<Band, string>> = {
  strong: 'Strong',
  adequate: 'Adequate',
  weak: 'Weak',
  insufficient: 'Insufficient',
};

const FLAGS: Readonly<Record<Flag, string>> = {
  empty: 'The answer is empty.',
  'too-short': 'The answer is very short.',
  'keyword-list': 'The answer reads as a list of keywords rather than explanations.',
  truncated: 'The answer was truncated before grading.',
};

/** Formats points with at most two decimals. */
function points(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** An element with a class and children (strings become text nodes, never markup). */
function el(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

function matched(item: ConceptResult | MisconceptionResult): Node[] {
  const texts = [...new Set(item.evidence.map((evidence) => evidence.text))];
  if (texts.length === 0) return [];
  const quotes = texts.flatMap((text, i) => [...(i > 0 ? [', '] : []), el('q', '', text)]);
  return [el('p', 'detail', 'Matched: ', ...quotes)];
}

function conceptItem(concept: ConceptResult, index: number): HTMLElement {
  const { symbol, text } = STATUS[concept.status];
  const swatch = el('span', `swatch k${index % PALETTE_SIZE}`);
  swatch.setAttribute('aria-hidden', 'true');
  const icon = el('span', 'symbol', symbol);
  icon.setAttribute('aria-hidden', 'true');
  const line = el(
    'div',
    '',
    el('span', 'status', `${text}:`),
    ' ',
    swatch,
    concept.label,
    ' ',
    el('span', 'meta', `${points(concept.points)} / ${points(concept.maxPoints)} pts`),
  );
  const feedback = concept.feedback === undefined ? [] : [el('p', 'detail', concept.feedback)];
  const item = el('li', `status-${concept.status}`, icon, line, ...matched(concept), ...feedback);
  item.dataset.concept = concept.id;
  return item;
}

function misconceptionItem(item: MisconceptionResult): HTMLElement {
  const icon = el('span', 'symbol', '!');
  icon.setAttribute('aria-hidden', 'true');
  const swatch = el('span', 'swatch mis');
  swatch.setAttribute('aria-hidden', 'true');
  const line = el('div', '', swatch, item.label, ' ', el('span', 'meta', `−${points(item.penalty)} pts`));
  const feedback = item.feedback === undefined ? [] : [el('p', 'detail', item.feedback)];
  return el('li', 'triggered', icon, line, ...matched(item), ...feedback);
}

/** Sets a live region's text only when it changes, so screen readers announce each new score once. */
function announce(region: HTMLElement, text: string): void {
  if (region.textContent !== text) region.textContent = text;
}

/** Draws a report: highlighted answer, score, concept checklist, misconceptions, feedback and flags. */
export function renderResult(report: GradeReport, view: ResultView): void {
  view.highlighted.replaceChildren(highlightAnswer(report));
  const result = report.passed ? '✓ Passed' : '✗ Not passed';
  announce(
    view.score,
    `Score ${points(report.score)} / ${points(report.maxScore)} · ${BANDS[report.band]} · ${result}`,
  );
  view.timing.textContent = `Graded in ${report.meta.durationMs} ms with ${report.meta.model}.`;
  view.concepts.replaceChildren(...report.concepts.map(conceptItem));
  const triggered = report.misconceptions.filter((item) => item.triggered);
  view.misconceptions.replaceChildren(
    ...(triggered.length === 0 ? [el('li', 'none', 'None triggered.')] : triggered.map(misconceptionItem)),
  );
  view.feedback.replaceChildren(
    ...(report.feedback.length === 0
      ? [el('li', 'none', 'Nothing to add.')]
      : report.feedback.map((text) => el('li', '', text))),
  );
  view.flags.textContent = report.flags.map((flag) => FLAGS[flag]).join(' ');
}

/** Empties the result and says why (an invalid rubric, an answer that cannot be graded). */
export function clearResult(view: ResultView, reason: string): void {
  for (const element of [view.highlighted, view.concepts, view.misconceptions, view.feedback]) {
    element.replaceChildren();
  }
  view.timing.textContent = '';
  view.flags.textContent = '';
  announce(view.score, reason);
}
