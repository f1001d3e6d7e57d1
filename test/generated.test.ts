import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaSource, rubricDataSource } from '../scripts/generate.js';

// Files derived from the sources are committed; they must never drift (regenerate with npm run generate).
describe('generated files', () => {
  it('rubrics/rubric.schema.json matches the zod schema', () => {
    expect(readFileSync(new URL('../rubrics/rubric.schema.json', import.meta.url), 'utf8')).toBe(
      jsonSchemaSource(),
    );
  });

  it('src/rubrics/data.ts holds exactly the rubric files in rubrics/', () => {
    expect(readFileSync(new URL('../src/rubrics/data.ts', import.meta.url), 'utf8')).toBe(rubricDataSource());
  });
});
