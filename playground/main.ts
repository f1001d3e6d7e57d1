/// <reference types="vite/client" />
// The playground: pick or edit a rubric, type an answer, and watch the coverage report update as you type.
import {
  type GradeReport,
  grade,
  InputError,
  type Rubric,
  type RubricIssue,
  renderReport,
  safeParseRubric,
} from 'rubricate';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from 'rubricate/rubrics';
import { clearResult, type ResultView, renderResult } from './renderResult.js';

/** The bundled rubrics' YAML files, as written (comments included), by path. */
const SOURCES = import.meta.glob<string>('../rubrics/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const CUSTOM = 'custom';
const FIRST_RUBRIC = 'devops/kpis';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`playground: #${id} is missing from index.html`);
  return element as T;
}

const picker = byId<HTMLSelectElement>('rubric');
const editor = byId<HTMLTextAreaElement>('rubric-yaml');
const issues = byId<HTMLElement>('rubric-issues');
const question = byId<HTMLElement>('question');
const answer = byId<HTMLTextAreaElement>('answer');
const downloads = {
  json: byId<HTMLAnchorElement>('download-json'),
  html: byId<HTMLAnchorElement>('download-html'),
};
const view: ResultView = {
  highlighted: byId('highlighted'),
  score: byId('score'),
  timing: byId('timing'),
  concepts: byId('concepts'),
  misconceptions: byId('misconceptions'),
  feedback: byId('feedback'),
  flags: byId('flags'),
};

let rubric: Rubric | undefined;
let shownIssues = '';

/** Calls `run` once input has paused for `ms` milliseconds (`schedule`); `cancel` drops a pending call. */
function debounced(run: () => void, ms: number): { schedule: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule: () => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** Points a download link at a fresh file, or disables it (no href) when there is no report. */
function offer(link: HTMLAnchorElement, content: string | undefined, type: string, filename: string): void {
  if (link.href) URL.revokeObjectURL(link.href);
  if (content === undefined) {
    link.removeAttribute('href');
    link.removeAttribute('download');
    return;
  }
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = filename;
}

function offerReport(report: GradeReport | undefined): void {
  const base = `${report?.rubric.id.replaceAll('/', '-') ?? 'rubricate'}-report`;
  offer(downloads.json, report && renderReport(report, 'json'), 'application/json', `${base}.json`);
  offer(downloads.html, report && renderReport(report, 'html'), 'text/html', `${base}.html`);
}

/** Lists the rubric's problems with their paths; leaves the list alone when they have not changed. */
function showIssues(list: readonly RubricIssue[]): void {
  const key = list.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
  if (key === shownIssues) return;
  shownIssues = key;
  const items = list.map((issue) => {
    const item = document.createElement('li');
    const path = document.createElement('code');
    path.textContent = issue.path || '(file)';
    item.append(path, `: ${issue.message}`);
    return item;
  });
  const heading = document.createElement('p');
  heading.textContent = `The rubric has ${list.length === 1 ? 'a problem' : `${list.length} problems`}:`;
  const listElement = document.createElement('ul');
  listElement.append(...items);
  issues.replaceChildren(...(list.length === 0 ? [] : [heading, listElement]));
}

function update(): void {
  question.textContent = rubric?.question ?? '';
  if (!rubric) {
    clearResult(view, 'Fix the rubric to grade the answer.');
    offerReport(undefined);
    return;
  }
  try {
    const report = grade(rubric, answer.value);
    renderResult(report, view);
    offerReport(report);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    clearResult(view, error.message);
    offerReport(undefined);
  }
}

function pickBundled(id: string): void {
  // An edit still waiting to be parsed would switch the picker back to "Your own".
  editorEdited.cancel();
  editor.value = SOURCES[`../rubrics/${id}.yaml`] ?? '';
  rubric = bundledRubric(id);
  showIssues([]);
  update();
}

function parseEditor(): void {
  editorEdited.cancel();
  picker.value = CUSTOM;
  const parsed = safeParseRubric(editor.value, { filename: 'rubric.yaml' });
  rubric = parsed.success ? parsed.data : undefined;
  showIssues(parsed.success ? [] : parsed.error.issues);
  update();
}

const editorEdited = debounced(parseEditor, 250);

picker.append(
  ...BUNDLED_RUBRIC_IDS.map((id) => new Option(id, id)),
  new Option('Your own (edit the YAML below)', CUSTOM),
);
picker.value = FIRST_RUBRIC;
picker.addEventListener('change', () =>
  picker.value === CUSTOM ? parseEditor() : pickBundled(picker.value),
);
editor.addEventListener('input', editorEdited.schedule);
answer.addEventListener('input', debounced(update, 120).schedule);
pickBundled(FIRST_RUBRIC);
