// Regenerates rubrics/rubric.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { rubricJsonSchema } from '../src/rubric/jsonSchema.js';

writeFileSync(
  new URL('../rubrics/rubric.schema.json', import.meta.url),
  `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`,
);
