import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { renderReport } from '../../src/report/renderReport.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import { fuzzRuns, fuzzTimeout } from './fuzzRuns.js';

const RUNS = fuzzRuns(200);
const TIMEOUT = fuzzTimeout(RUNS);
const CLI = resolve(fileURLToPath(import.meta.url), '../../../dist/cli.js');

const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '</textarea></title></style><b>',
  'javascript:alert(1)',
  '&lt;script&gt;',
  '&#x3C;img&#62;',
  '<!--',
  ']]>',
  '" onmouseover="alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
];
const TERMINAL = [
  '\u001b[31m',
  '\u001b[2J\u001b[H',
  '\u001b]0;pwned\u0007',
  '\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u0007',
  '\b\b\b',
  '\r',
  '\u007f',
  '\u202e',
  '\u2066',
];
const payload = (parts: readonly string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 })
    .map((p) => p.join(''));

/** A report whose answer and every rubric string shown in output carry a payload. */
function hostileReport(p: readonly string[]) {
  const [a = '', b = '', c = '', d = '', e = ''] = p;
  const rubric = parseRubric({
    id: 'hostile/report',
    title: `T${a}`,
    question: `Q${b}`,
    version: `V${c}`,
    concepts: [
      { id: 'mttr', label: `L${d}`, match: ['MTTR'], feedback: { missing: `F${e}`, negated: `N${a}` } },
      { id: 'canary', label: `C${b}`, match: ['canary release*'], feedback: { missing: `M${c}` } },
      { id: 'absent', label: `A${e}`, match: ['blue green'], feedback: { missing: `B${d}` } },
    ],
    groups: [{ id: 'g', label: `G${a}`, of: ['mttr', 'canary'], need: 1 }],
    misconceptions: [{ id: 'loc', label: `X${b}`, match: ['lines of code'], feedback: `Y${c}` }],
  });
  const answer = `${a} We track MTTR ${b}\nand canary releases${c}, and lines of code.${d}`;
  return { report: grade(rubric, answer), answer, strings: [a, b, c, d, e] };
}

const TAGS = new Set(
  'html head meta title style body main header footer section h1 h2 h3 p strong code dl dt dd div ul ol li span mark q bdi'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set(
  'lang charset name content http-equiv class id title data-concept data-status data-misconception aria-labelledby aria-hidden dir'.split(
    ' ',
  ),
);
const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('HTML output escapes every answer and rubric string', { timeout: TIMEOUT }, () => {
  it('lets no tag or attribute through from XSS payloads, and shows each string as written', () => {
    fc.assert(
      fc.property(fc.array(payload(XSS), { minLength: 5, maxLength: 5 }), (p) => {
        const { report, answer, strings } = hostileReport(p);
        const html = renderReport(report, 'html');
        for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g))
          expect(TAGS).toContain(tag?.toLowerCase());
        for (const [, attributes] of html.matchAll(/<[a-zA-Z][\w-]*((?:\s[^>]*)?)>/g)) {
          const rest = (attributes ?? '').replace(/\s([\w-]+)(?:="[^"]*")?/g, (_, name: string) => {
            expect(ATTRIBUTES).toContain(name);
            return '';
          });
          expect(rest.trim()).toBe('');
        }
        expect(decode(/<p class="answer" dir="auto">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')).toBe(answer);
        const text = decode(html);
        for (const s of strings) expect(text).toContain(s);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('terminal and Markdown output strip control sequences', { timeout: TIMEOUT }, () => {
  it('leaves no control character from answers or rubric strings in text, Markdown or colour output', () => {
    fc.assert(
      fc.property(fc.array(payload(TERMINAL), { minLength: 5, maxLength: 5 }), (p) => {
        const { report } = hostileReport(p);
        expect(renderReport(report, 'text')).not.toMatch(CONTROLS);
        expect(renderReport(report, 'markdown')).not.toMatch(CONTROLS);
        const coloured = renderReport(report, 'text', { color: true });
        // biome-ignore lint/suspicious/noControlCharactersInRegex: only the renderer's own colour codes may remain.
        expect(coloured.replace(/\u001b\[\d+m/g, '')).not.toMatch(CONTROLS);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the words around stripped sequences, so evidence still reads as written', () => {
    const { report } = hostileReport(['\u001b[31m', '\u001b]0;x\u0007', '', '', '']);
    expect(renderReport(report, 'text')).toContain('"MTTR" at');
    expect(renderReport(report, 'markdown')).toContain('| ✓ Met | L | 1/1 | “MTTR” |');
  });
});

describe('the CLI strips control sequences from what it prints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rubricate-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 });
  const evil = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';
  const evilInYaml = '\\e]0;pwned\\a\\e[2J\\x9b31m'; // the same, as YAML double-quoted escapes

  it('in reports on stdout, in text and Markdown', () => {
    for (const format of ['text', 'markdown']) {
      const { status, stdout } = run([
        'grade',
        'devops/kpis',
        '--text',
        `MTTR ${evil} lead time`,
        '--format',
        format,
      ]);
      expect(status).toBe(0);
      expect(stdout).toContain('MTTR');
      expect(stdout).not.toMatch(CONTROLS);
    }
  });

  it('in rubric errors on stderr and in check results', () => {
    const invalid = join(dir, 'invalid.yaml');
    writeFileSync(invalid, `id: t\ntitle: T\nconcepts: [{ id: c, label: C, match: [x] }]\n"k${evil}": 1\n`);
    const bad = run(['grade', invalid, '--text', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^rubricate: invalid rubric: .*invalid\.yaml: Unrecognized key: "k.*"\n$/);
    expect(bad.stderr).not.toMatch(CONTROLS);
    const mismatched = join(dir, 'mismatched.yaml');
    writeFileSync(
      mismatched,
      `id: t\ntitle: T\nconcepts: [{ id: c, label: C, match: [canary] }]\nexamples: [{ answer: "canary ${evilInYaml}", score: 0 }]\n`,
    );
    const check = run(['check', mismatched]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('examples[0] expected 0, got 1');
    expect(check.stdout).not.toMatch(CONTROLS);
  });
});
