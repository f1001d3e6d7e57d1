import { z } from 'zod';
import { RubricSchema } from './schema.js';

/** The JSON Schema of rubric files, generated from the zod schema (input side: defaults are optional). */
export function rubricJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RubricSchema, { io: 'input' }),
    $id: 'https://unpkg.com/rubricate/rubrics/rubric.schema.json',
    title: 'rubricate rubric (schema version 1)',
  };
}
