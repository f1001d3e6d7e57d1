import { InputError } from '../errors.js';

/** Parse a command-line option as a whole number ≥ `min`, or throw a usage error naming the option. */
export function wholeNumberOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min)
    throw new InputError('bad-option', `rubricate: ${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}
