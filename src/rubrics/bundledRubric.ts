import { InputError } from '../errors.js';
import { parseRubric } from '../rubric/parseRubric.js';
import type { Rubric } from '../rubric/schema.js';
import { RUBRIC_DATA } from './data.js';

/** The ids of the bundled rubrics (`devops/kpis`, …), sorted. */
export const BUNDLED_RUBRIC_IDS: readonly string[] = Object.freeze(Object.keys(RUBRIC_DATA).sort());

const parsed = new Map<string, Rubric>();

/** Freeze an object and everything inside it, so a shared rubric cannot be changed by one caller. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A bundled rubric by id, as data: no file system, so it works in browsers. The same frozen object is
 * returned on every call (so its compiled form is cached). Throws an InputError (`unknown-rubric`) for an id
 * that is not bundled.
 * @example grade(bundledRubric('devops/kpis'), 'We track MTTR and deployment frequency.');
 */
export function bundledRubric(id: string): Rubric {
  const known = parsed.get(id);
  if (known) return known;
  const data = Object.hasOwn(RUBRIC_DATA, id) ? RUBRIC_DATA[id] : undefined;
  if (data === undefined) {
    throw new InputError(
      'unknown-rubric',
      `rubricate: unknown rubric "${id}" (bundled: ${BUNDLED_RUBRIC_IDS.join(', ')})`,
    );
  }
  const rubric = deepFreeze(parseRubric(data, { filename: `${id}.yaml` }));
  parsed.set(id, rubric);
  return rubric;
}
