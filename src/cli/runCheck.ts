import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, RubricError } from '../errors.js';
import { sanitizeTerminal } from '../report/sanitizeTerminal.js';
import { checkRubric } from '../rubric/checkRubric.js';
import { bundledRubrics } from '../rubric/loadRubric.js';
import { parseRubric } from '../rubric/parseRubric.js';
import { readRubricFile } from '../rubric/readRubricFile.js';
import { fileError } from './fileError.js';

/** The rubric files to check: every bundled one, or the given files, folders (searched) and bundled ids. */
async function rubricFiles(paths: readonly string[]): Promise<string[]> {
  const bundled = bundledRubrics();
  if (paths.length === 0) return bundled.map((r) => r.file);
  const out: string[] = [];
  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      // Not a path: a bundled id names its file.
      const rubric = bundled.find((r) => r.id === path);
      if (!rubric) throw fileError('read', path, error);
      out.push(rubric.file);
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path, { recursive: true }))
        .filter((e) => /\.(ya?ml|json)$/i.test(e) && !/(^|[/\\])rubric\.schema\.json$/.test(e))
        .sort();
      if (entries.length === 0)
        throw new InputError('unreadable', `rubricate: no rubric files (.yaml, .yml, .json) in ${path}`);
      out.push(...entries.map((e) => join(path, e)));
    } else out.push(path);
  }
  return out;
}

/** `rubricate check`: validate each rubric, grade its examples, print mismatches; returns the exit code. */
export async function runCheck(
  paths: readonly string[],
  tolerance: number,
  print: (line: string) => void,
): Promise<number> {
  let invalid = 0;
  let mismatched = 0;
  for (const file of await rubricFiles(paths)) {
    let rubric: ReturnType<typeof parseRubric>;
    try {
      const text = await readRubricFile(file).catch((error: unknown) => {
        throw error instanceof RubricError ? error : fileError('read', file, error);
      });
      rubric = parseRubric(text, { filename: file });
    } catch (error) {
      if (!(error instanceof RubricError)) throw error;
      print(`✗ ${sanitizeTerminal(error.message)}`);
      invalid++;
      continue;
    }
    const result = checkRubric(rubric, { tolerance });
    mismatched += result.mismatches.length;
    const ok = result.examples - result.mismatches.length;
    print(
      `${result.mismatches.length === 0 ? '✓' : '✗'} ${rubric.id}: ${ok}/${result.examples} examples agree`,
    );
    for (const m of result.mismatches) {
      const concepts = [
        m.missing.length ? `missing ${m.missing.join(', ')}` : '',
        m.extra.length ? `extra ${m.extra.join(', ')}` : '',
      ].filter(Boolean);
      const answer = sanitizeTerminal(m.answer.length > 70 ? `${m.answer.slice(0, 67)}…` : m.answer);
      print(
        `    examples[${m.index}] expected ${m.expectedScore}, got ${m.actualScore}${concepts.length ? `; ${concepts.join('; ')}` : ''}: "${answer.replace(/\s+/g, ' ')}"`,
      );
    }
  }
  return invalid > 0 ? 2 : mismatched > 0 ? 1 : 0;
}
