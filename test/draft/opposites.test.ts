import { describe, expect, it } from 'vitest';
import { oppositeOf } from '../../src/draft/opposites.js';
import { withVariants } from '../../src/draft/variants.js';

describe('oppositeOf', () => {
  it('reads each pair both ways, alternatives included', () => {
    expect(oppositeOf('closed')).toBe('open');
    expect(oppositeOf('open')).toBe('closed');
    expect(oppositeOf('connected')).toBe('(separated|disconnected)');
    expect(oppositeOf('Disconnected')).toBe('connected');
    expect(oppositeOf('battery')).toBeUndefined();
  });
});

describe('withVariants', () => {
  it('offers the listed everyday variants of a word as alternatives', () => {
    expect(withVariants('different')).toBe('(different|separate|distinct)');
    expect(withVariants('separate')).toBe('(different|separate|distinct)');
    expect(withVariants('battery')).toBe('battery');
  });
});
