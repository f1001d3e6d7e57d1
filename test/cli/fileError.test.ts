import { describe, expect, it } from 'vitest';
import { fileError } from '../../src/cli/fileError.js';
import { InputError } from '../../src/errors.js';

describe('fileError', () => {
  it('names the action, the file and the error code, or the message where there is no code', () => {
    const coded = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(fileError('write', 'out.jsonl', coded)).toEqual(
      new InputError('unreadable', 'rubricate: cannot write out.jsonl: EACCES'),
    );
    expect(fileError('read input', 'in.csv', new Error('boom')).message).toBe(
      'rubricate: cannot read input in.csv: boom',
    );
  });
});
