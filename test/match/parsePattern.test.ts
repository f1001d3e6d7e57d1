import { describe, expect, it } from 'vitest';
import { parsePattern } from '../../src/match/parsePattern.js';

describe('parsePattern', () => {
  it('parses words, alternatives, optional groups, prefixes, exact words and gaps', () => {
    expect(parsePattern('mean time to (recovery|restore)')).toEqual([
      { kind: 'word', text: 'mean', exact: false, prefix: false, optional: false },
      { kind: 'word', text: 'time', exact: false, prefix: false, optional: false },
      { kind: 'word', text: 'to', exact: false, prefix: false, optional: false },
      {
        kind: 'group',
        optional: false,
        branches: [
          [{ kind: 'word', text: 'recovery', exact: false, prefix: false, optional: false }],
          [{ kind: 'word', text: 'restore', exact: false, prefix: false, optional: false }],
        ],
      },
    ]);
    expect(parsePattern('how often ..6 deploy*')).toEqual([
      { kind: 'word', text: 'how', exact: false, prefix: false, optional: false },
      { kind: 'word', text: 'often', exact: false, prefix: false, optional: false },
      { kind: 'gap', max: 6 },
      { kind: 'word', text: 'deploy', exact: false, prefix: true, optional: false },
    ]);
    expect(parsePattern('=MTTR')).toEqual([
      { kind: 'word', text: 'MTTR', exact: true, prefix: false, optional: false },
    ]);
    expect(parsePattern('lead time (for changes)?')[2]).toMatchObject({ kind: 'group', optional: true });
  });

  it.each([
    ['deployment (frequency', 'unclosed "(" at column 12'],
    ['a) b', 'unexpected ")" at column 2'],
    ['(x|)', 'empty alternative at column 4'],
    ['? x', '"?" must follow a word or a group at column 1'],
    ['..2 x', 'a pattern cannot start or end with a gap'],
    ['x ..', 'a pattern cannot start or end with a gap'],
    ['x ..30 y', 'a gap must be ..1 to ..20, not ..30 at column 3'],
    ['x (.. y)', 'an alternative cannot start or end with a gap at column 4'],
    ['((((((a))))))', 'groups nested deeper than 5 at column 6'],
    ['= x', '"=" must be followed by a word at column 1'],
    ['de*ploy', '"*" may only end a word at column 3'],
    ['deploy**', '"*" may only end a word at column 7'],
    ['x =de*ploy', '"*" may only end a word at column 6'],
    ['*', 'a prefix* needs at least 2 letters at column 1'],
    ['=x*', 'a word cannot be both =exact and a prefix* at column 1'],
    ['a*', 'a prefix* needs at least 2 letters at column 1'],
    ['a|b', '"|" outside a group; write (a|b) at column 2'],
    ['   ', 'empty pattern'],
    ['(x)?', 'a pattern needs at least one word that is not optional'],
  ])('rejects %j with "%s"', (source, message) => {
    expect(() => parsePattern(source)).toThrowError(message);
  });
});
