import { readFile, stat } from 'node:fs/promises';
import { RubricError } from '../errors.js';
import { MAX_RUBRIC_LENGTH } from './parseRubric.js';

/**
 * Read a rubric file as UTF-8, refusing one too large to be valid before reading it: UTF-8 spends at most three
 * bytes per UTF-16 character, so a file of more than 3 × MAX_RUBRIC_LENGTH bytes is longer than the limit.
 * Node only; a read error (missing file, no permission) is thrown as it is.
 */
export async function readRubricFile(file: string): Promise<string> {
  if ((await stat(file)).size > 3 * MAX_RUBRIC_LENGTH) {
    throw new RubricError(
      [{ path: '', message: `file is larger than ${MAX_RUBRIC_LENGTH} characters` }],
      file,
    );
  }
  return readFile(file, 'utf8');
}
