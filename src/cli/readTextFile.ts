import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** Read a whole text file, or fail with `rubricate: cannot read <what> <file>: <code>` (exit 2). */
export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(
      'unreadable',
      `rubricate: cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? ''}`,
    );
  }
}
