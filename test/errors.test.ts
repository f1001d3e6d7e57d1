import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { InputError, RubricError } from '../src/errors.js';

/** A second copy of src/errors.ts, as a second CommonJS entry of the package (or a require beside an import) loads. */
async function secondCopy(): Promise<typeof import('../src/errors.js')> {
  vi.resetModules();
  return import('../src/errors.js');
}

describe('error classes', () => {
  it('are instances across copies of the module, so a catch block tests them whichever entry threw', async () => {
    const copy = await secondCopy();
    expect(copy.InputError).not.toBe(InputError);
    const input = new copy.InputError('unknown-rubric', 'no such rubric');
    const rubric = new copy.RubricError([{ path: 'id', message: 'expected a string' }], 'r.yaml');
    expect(input instanceof InputError).toBe(true);
    expect(rubric instanceof RubricError).toBe(true);
    expect(new InputError('bad-option', 'x') instanceof copy.InputError).toBe(true);
  });

  it('tell the two classes apart, and plain errors from both', async () => {
    const copy = await secondCopy();
    expect(new copy.InputError('bad-option', 'x') instanceof RubricError).toBe(false);
    expect(new copy.RubricError([]) instanceof InputError).toBe(false);
    expect(new Error('x') instanceof InputError).toBe(false);
    expect(
      Object.assign(new Error('x'), { name: 'InputError', code: 'bad-option' }) instanceof InputError,
    ).toBe(false);
    expect(
      [null, undefined, 'InputError', 3].map((value: unknown) => (value as object) instanceof InputError),
    ).toEqual([false, false, false, false]);
  });

  it('keep ordinary instanceof for a subclass', () => {
    class RateLimited extends InputError {}
    expect(new RateLimited('bad-option', 'x') instanceof InputError).toBe(true);
    expect(new RateLimited('bad-option', 'x') instanceof RateLimited).toBe(true);
    expect(new InputError('bad-option', 'x') instanceof RateLimited).toBe(false);
  });

  it('show no brand when printed or serialised', () => {
    const error = new InputError('unknown-rubric', 'no such rubric');
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect({ ...error }).toEqual({ code: 'unknown-rubric', name: 'InputError' });
    expect(inspect(error)).not.toContain('rubricate.');
  });
});
