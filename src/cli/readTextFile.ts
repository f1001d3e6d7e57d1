import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** Bytes of UTF-8 one character can take: a file larger than 4 × a character limit is over it, unread. */
export const MAX_BYTES_PER_CHARACTER = 4;

function unreadable(what: string, file: string, error: unknown): InputError {
  return new InputError(
    'unreadable',
    `rubricate: cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? ''}`,
  );
}

/**
 * Read a whole text file, or fail with `rubricate: cannot read <what> <file>: <code>` (exit 2); with
 * `maxCharacters`, a file too large to hold fewer is refused before it is read (`answer-too-long`).
 */
export async function readTextFile(file: string, what: string, maxCharacters?: number): Promise<string> {
  if (maxCharacters !== undefined) {
    const size = await stat(file).then(
      (s) => (s.isFile() ? s.size : 0),
      (error: unknown) => {
        throw unreadable(what, file, error);
      },
    );
    if (size > maxCharacters * MAX_BYTES_PER_CHARACTER)
      throw new InputError(
        'answer-too-long',
        `rubricate: ${what} ${file} has ${size} bytes, more than the limit of ${maxCharacters} characters can take`,
      );
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(what, file, error);
  }
}
