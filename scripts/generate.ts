// Regenerates the files derived from the sources (npm run generate): rubrics/rubric.schema.json from the zod
// schema, and src/rubrics/data.ts (the bundled rubrics as data, for browsers) from rubrics/**/*.yaml.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { rubricJsonSchema } from '../src/rubric/jsonSchema.js';
import { parseRubric } from '../src/rubric/parseRubric.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rubricsDir = join(root, 'rubrics');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

/** The source of src/rubrics/data.ts: every bundled rubric file, validated, as its input object. */
export function rubricDataSource(): string {
  const entries = yamlFiles(rubricsDir).map((file) => {
    const text = readFileSync(file, 'utf8');
    const name = relative(rubricsDir, file).split(sep).join('/');
    const { id } = parseRubric(text, { filename: name });
    if (`${id}.yaml` !== name) throw new Error(`${name}: the id must be its path without .yaml, got "${id}"`);
    return `  ${JSON.stringify(id)}: ${JSON.stringify(parse(text))},`;
  });
  return [
    '// Generated from rubrics/**/*.yaml by `npm run generate`; do not edit.',
    "import type { RubricInput } from '../rubric/schema.js';",
    '',
    '/** The bundled rubrics, by id, as the input objects their YAML files hold. */',
    'export const RUBRIC_DATA: Readonly<Record<string, RubricInput>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

/** The source of rubrics/rubric.schema.json. */
export function jsonSchemaSource(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(rubricsDir, 'rubric.schema.json'), jsonSchemaSource());
  writeFileSync(join(root, 'src/rubrics/data.ts'), rubricDataSource());
}
