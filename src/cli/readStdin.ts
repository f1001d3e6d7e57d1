import { InputError } from '../errors.js';
import { MAX_BYTES_PER_CHARACTER } from './readTextFile.js';

/**
 * Read all of standard input as UTF-8 text; with `maxCharacters`, stop and fail (`answer-too-long`) once it has
 * sent more bytes than that many characters can take, instead of holding all of it.
 */
export async function readStdin(maxCharacters?: number): Promise<string> {
  const maxBytes =
    maxCharacters === undefined ? Number.POSITIVE_INFINITY : maxCharacters * MAX_BYTES_PER_CHARACTER;
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) {
      process.stdin.destroy();
      throw new InputError(
        'answer-too-long',
        `rubricate: standard input has more than ${maxBytes} bytes, more than the limit of ${maxCharacters} characters can take`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
