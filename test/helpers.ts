import { readFileSync } from 'node:fs';
import { parseRubric } from '../src/rubric/parseRubric.js';
import type { Rubric, RubricInput } from '../src/rubric/schema.js';

/** A bundled rubric, read from rubrics/ the way loadRubric would. */
export function bundled(id: string): Rubric {
  const file = new URL(`../rubrics/${id}.yaml`, import.meta.url);
  return parseRubric(readFileSync(file, 'utf8'), { filename: `${id}.yaml` });
}

/** A one-off rubric from concept patterns, for focused tests. */
export function rubricOf(concepts: Record<string, string[]>, extra: Partial<RubricInput> = {}): Rubric {
  return parseRubric({
    id: 'test/rubric',
    title: 'Test rubric',
    concepts: Object.entries(concepts).map(([id, match]) => ({ id, label: id, match })),
    ...extra,
  });
}
