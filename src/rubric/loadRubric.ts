import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { parseRubric } from './parseRubric.js';
import type { Rubric } from './schema.js';

/** A rubric shipped with rubricate. */
export interface BundledRubric {
  id: string;
  title: string;
  question?: string;
  /** Absolute path of the YAML file. */
  file: string;
}

/** The package's `rubrics/` folder, found upward from this module (works from src/ and from dist/). */
function rubricsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'rubrics');
    if (existsSync(join(candidate, 'rubric.schema.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new InputError('unreadable', 'rubricate: cannot find the bundled rubrics folder');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

/** The bundled rubrics (id, title, question, file), sorted by id. Node only. */
export function bundledRubrics(): BundledRubric[] {
  const dir = rubricsDir();
  return yamlFiles(dir).map((file) => {
    const rubric = parseRubric(readFileSync(file, 'utf8'), {
      filename: relative(dir, file).split(sep).join('/'),
    });
    return {
      id: rubric.id,
      title: rubric.title,
      ...(rubric.question !== undefined ? { question: rubric.question } : {}),
      file,
    };
  });
}

/** True when a string names a rubric file rather than a bundled id. */
function isPath(ref: string): boolean {
  return /\.(ya?ml|json)$/i.test(ref);
}

/**
 * Load a rubric from a `.yaml`/`.yml`/`.json` file or by bundled id (`devops/kpis`). Node only.
 * Rejects with a RubricError (invalid rubric, naming the file and path) or an InputError (unreadable, unknown id).
 * @example const rubric = await loadRubric('devops/kpis');
 */
export async function loadRubric(ref: string): Promise<Rubric> {
  if (isPath(ref)) {
    let text: string;
    try {
      text = await readFile(ref, 'utf8');
    } catch (error) {
      throw new InputError(
        'unreadable',
        `rubricate: cannot read rubric ${ref}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    return parseRubric(text, { filename: ref });
  }
  const dir = rubricsDir();
  const file = resolve(dir, `${ref}.yaml`);
  if (!/^[A-Za-z0-9][A-Za-z0-9/_-]*$/.test(ref) || !file.startsWith(dir + sep) || !existsSync(file)) {
    throw new InputError(
      'unknown-rubric',
      `rubricate: unknown rubric "${ref}" (not a bundled id; files must end in .yaml, .yml or .json)`,
    );
  }
  return parseRubric(await readFile(file, 'utf8'), { filename: relative(dir, file).split(sep).join('/') });
}
