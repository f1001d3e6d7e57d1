import { RubricError } from '../errors.js';
import { loadRubric } from '../rubric/loadRubric.js';
import type { Rubric } from '../rubric/schema.js';

/** A rubric reference resolved: the rubric, or why it cannot be used (without the `rubricate: ` prefix). */
export type LoadedRubric = { rubric: Rubric; error?: undefined } | { rubric?: undefined; error: string };

function describe(error: unknown): string {
  if (error instanceof RubricError) return `invalid rubric: ${error.message.split('\n').join('; ')}`;
  return (error instanceof Error ? error.message : String(error)).replace(/^rubricate: /, '');
}

/**
 * A loader that resolves each rubric reference (bundled id or file) once, however many rows name it; the
 * empty reference means `fallback`, the rubric for rows that name none.
 */
export function rubricLoader(fallback: Rubric | undefined): (ref: string) => Promise<LoadedRubric> {
  const loaded = new Map<string, Promise<LoadedRubric>>();
  loaded.set(
    '',
    Promise.resolve(
      fallback
        ? { rubric: fallback }
        : { error: 'no rubric: the row names none and no default rubric was given' },
    ),
  );
  return (ref) => {
    let entry = loaded.get(ref);
    if (!entry) {
      entry = loadRubric(ref).then(
        (rubric) => ({ rubric }),
        (error: unknown) => ({ error: describe(error) }),
      );
      loaded.set(ref, entry);
    }
    return entry;
  };
}
