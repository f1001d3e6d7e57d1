import { describe, expect, it } from 'vitest';
import { contentPhrases } from '../../src/suggest/contentPhrases.js';
import { nearestConcept } from '../../src/suggest/nearestConcept.js';
import { snippet } from '../../src/suggest/snippet.js';
import { analyze } from '../../src/text/analyze.js';
import { rubricOf } from '../helpers.js';

const keys = (text: string, maxWords = 3) => contentPhrases(analyze(text), maxWords).map((p) => p.key);

describe('contentPhrases', () => {
  it('gives 1–3-word phrases of content words, lemmatized and case-folded, skipping stop words', () => {
    expect(keys('Canary Releases reduce the blast radius.')).toEqual([
      'canary',
      'canary release',
      'canary release reduce',
      'release',
      'release reduce',
      'release reduce blast',
      'reduce',
      'reduce blast',
      'reduce blast radius',
      'blast',
      'blast radius',
      'radius',
    ]);
  });

  it('joins hyphenated words but never crosses punctuation, a non-filler word or a sentence', () => {
    expect(keys('Self-clocking helps, binary encoding works. Binary codes', 2)).toEqual([
      'self',
      'self clocking',
      'clocking',
      'clocking help',
      'help',
      'binary',
      'binary encoding',
      'encoding',
      'encoding work',
      'work',
      'binary',
      'binary code',
      'code',
    ]);
    expect(keys('packets of data')).toEqual(['packet', 'datum']);
  });

  it('points each phrase at its exact place in the text', () => {
    const text = 'Keep the blast radius small.';
    const phrase = contentPhrases(analyze(text)).find((p) => p.key === 'keep blast radius');
    expect(phrase && text.slice(phrase.start, phrase.end)).toBe('Keep the blast radius');
  });
});

describe('nearestConcept', () => {
  const rubric = rubricOf({ rollback: ['roll* back', '(automatic|automated) rollback'], canary: ['canary'] });

  it('compares with labels and patterns as plain words, and finds nothing when no letter pair is shared', () => {
    expect(nearestConcept(rubric, 'rolled back')).toMatchObject({ id: 'rollback' });
    expect(nearestConcept(rubric, 'xyz')).toBeUndefined();
  });
});

describe('snippet', () => {
  it('cuts at word boundaries around the phrase and marks the cuts', () => {
    const text = 'We always keep the blast radius of every single deploy small.';
    expect(snippet(text, 19, 31, 10)).toBe('…keep the blast radius of every…');
    expect(snippet(text, 0, 2, 100)).toBe(text);
  });
});
