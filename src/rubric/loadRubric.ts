import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, RubricError } from '../errors.js';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from '../rubrics/bundledRubric.js';
import { parseRubric } from './parseRubric.js';
import { readRubricFile } from './readRubricFile.js';
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

/** The bundled rubrics (id, title, question, file), sorted by id. Node only. */
export function bundledRubrics(): BundledRubric[] {
  const dir = rubricsDir();
  return BUNDLED_RUBRIC_IDS.map((id) => {
    const rubric = bundledRubric(id);
    return {
      id,
      title: rubric.title,
      ...(rubric.question !== undefined ? { question: rubric.question } : {}),
      file: join(dir, `${id}.yaml`),
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
      text = await readRubricFile(ref);
    } catch (error) {
      if (error instanceof RubricError) throw error;
      throw new InputError(
        'unreadable',
        `rubricate: cannot read rubric ${ref}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    return parseRubric(text, { filename: ref });
  }
  if (!BUNDLED_RUBRIC_IDS.includes(ref)) {
    throw new InputError(
      'unknown-rubric',
      `rubricate: unknown rubric "${ref}" (not a bundled id; files must end in .yaml, .yml or .json)`,
    );
  }
  return bundledRubric(ref);
}
