import { describe, expect, it } from 'vitest';
import { conceptId } from '../../src/draft/conceptId.js';

describe('conceptId', () => {
  it('slugs a label into an id the rubric format accepts', () => {
    expect(conceptId('Mean Time to Recovery (MTTR)', new Set())).toBe('mean-time-to-recovery-mttr');
    expect(conceptId("Pam's café — ünïcode", new Set())).toBe('pams-cafe-unicode');
    expect(conceptId('…', new Set())).toBe('concept');
  });

  it('makes ids unique with a numbered suffix and records them', () => {
    const taken = new Set<string>();
    expect(['gap', 'Gap', 'gap'].map((label) => conceptId(label, taken))).toEqual(['gap', 'gap-2', 'gap-3']);
    expect([...taken]).toEqual(['gap', 'gap-2', 'gap-3']);
  });
});
