import { describe, expect, it } from 'vitest';
import { headingPatterns } from '../../src/draft/headingPatterns.js';
import { questionForms } from '../../src/draft/keyPhrases.js';

describe('headingPatterns', () => {
  it('writes the heading in lower case, one pattern per coordinated part', () => {
    expect(headingPatterns('Lead Time for Changes', new Set())).toEqual(['lead time for changes']);
    expect(headingPatterns('Security and Compliance', new Set())).toEqual(['security', 'compliance']);
  });

  it('turns "a/b" into alternatives unless both are acronyms', () => {
    expect(headingPatterns('Integration/Testing', new Set())).toEqual(['(integration|testing)']);
    expect(headingPatterns('CI/CD Pipeline', new Set())).toEqual(['ci/cd pipeline']);
  });

  it('trims question words from the ends but keeps at least one word', () => {
    const question = questionForms('How many environments are you maintaining?');
    expect(headingPatterns('Staging Environment', question)).toEqual(['staging']);
    expect(headingPatterns('Environment', question)).toEqual(['environment']);
  });

  it('adds a short aside in parentheses, but not an acronym the heading derives', () => {
    expect(headingPatterns('Mean Time to Recovery (MTTR)', new Set())).toEqual(['mean time to recovery']);
    expect(headingPatterns('Key-value store (Redis)', new Set())).toEqual(['key-value store', 'redis']);
  });
});
