import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import type * as Rubricate from '../src/node.js';
import type * as Rubrics from '../src/rubrics.js';
import { PIPE } from '../src/text/analyze.js';

/** The built package under test: its Node entry, its bundled-rubrics entry and the folder they came from. */
export interface Library {
  api: typeof Rubricate;
  rubrics: typeof Rubrics;
  dist: string;
}

/** Import the built package from `dist` (dist/node.js and dist/rubrics.js); throws with a hint when it is not built. */
export async function loadLibrary(dist: string): Promise<Library> {
  const folder = resolve(dist);
  const entry = join(folder, 'node.js');
  if (!existsSync(entry)) throw new Error(`bench: ${entry} not found; run \`npm run build\` first`);
  const api = (await import(pathToFileURL(entry).href)) as typeof Rubricate;
  const rubrics = (await import(pathToFileURL(join(folder, 'rubrics.js')).href)) as typeof Rubrics;
  return { api, rubrics, dist: folder };
}

/** wink-nlp with the pipe rubricate's analysis uses: `readDoc` alone is the floor every grade stands on. */
export function floorNlp(): WinkMethods {
  return winkNLP(model, [...PIPE]);
}
