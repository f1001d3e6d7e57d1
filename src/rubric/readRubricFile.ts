import { readFile, stat } from 'node:fs/promises';
import { RubricError } from '../errors.js';
import { MAX_RUBRIC_LENGTH } from './parseRubric.js';

/**
 * Read a rubric file as UTF-8 (a leading byte-order mark dropped), refusing one too large to be valid before reading
 * it: UTF-8 spends at most three bytes per UTF-16 character, so a file of more than 3 × MAX_RUBRIC_LENGTH bytes is
 * longer than the limit. A file that is not valid UTF-8 (Latin-1, UTF-16) is a RubricError, not text with "�" in it.
 * Node only; a read error (missing file, no permission) is thrown as it is.
 */
export async function readRubricFile(file: string): Promise<string> {
  if ((await stat(file)).size > 3 * MAX_RUBRIC_LENGTH) {
    throw new RubricError(
      [{ path: '', message: `file is larger than ${MAX_RUBRIC_LENGTH} characters` }],
      file,
    );
  }
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RubricError([{ path: '', message: 'file is not valid UTF-8 text' }], file);
  }
}
