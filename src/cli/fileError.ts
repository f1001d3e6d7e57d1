import { InputError } from '../errors.js';

/**
 * A file-system error as the one line the CLI reports (exit 2): `rubricate: cannot <action> <file>: <code>`, with
 * the error's message where it has no code.
 * @example fileError('write', 'out.jsonl', error) // rubricate: cannot write out.jsonl: EACCES
 */
export function fileError(action: string, file: string, error: unknown): InputError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new InputError('unreadable', `rubricate: cannot ${action} ${file}: ${reason}`);
}
