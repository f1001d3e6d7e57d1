import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MarkedAnswer } from '../../src/calibrate/checkMarked.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import type { RubricInput } from '../../src/rubric/schema.js';
import { renderSuggestions } from '../../src/suggest/renderSuggestions.js';
import { suggestAliases } from '../../src/suggest/suggestAliases.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/calibrate/${name}`, import.meta.url), 'utf8');
const rubric = parseRubric(fixture('safer-deploys.yaml'));
// Five high-scoring answers (3 of 3), four low-scoring ones and one row with a non-numeric score.
const marked: MarkedAnswer[] = fixture('suggest.jsonl')
  .trim()
  .split('\n')
  .map((line, i) => ({ ...(JSON.parse(line) as MarkedAnswer), line: i + 1 }));
const phrases = (input: RubricInput, options = {}) =>
  suggestAliases(input, marked, options).suggestions.map((s) => s.phrase);

describe('suggestAliases', () => {
  it('suggests a phrase high scorers use and the rubric lacks, with counts, examples and nearest concept', () => {
    const result = suggestAliases(rubric, marked);
    expect(result).toMatchObject({ highAnswers: 5, lowAnswers: 4, skipped: [{ line: 10 }] });
    expect(result.suggestions[0]).toEqual({
      phrase: 'blast radius',
      high: 4,
      low: 0,
      // (4 + ½) / (5 + 1) ÷ (0 + ½) / (4 + 1)
      lift: 7.5,
      examples: [
        {
          line: 1,
          text: 'Canary releases with automatic rollback keep the blast radius small and make deployments safer.',
        },
        { line: 2, text: '…and use canaries; a feature flag shrinks the blast radius.' },
      ],
      nearest: { id: 'impact', label: 'Limits the impact radius', similarity: 0.47 },
    });
  });

  it('counts an answer scored exactly 80 % of the maximum as high-scoring (2.4 of 3)', () => {
    const rows = [1, 2, 3].map((line) => ({
      answer: 'We watch velocity burndown charts every day.',
      score: 2.4,
      line,
    }));
    const result = suggestAliases(rubric, rows);
    expect(result.highAnswers).toBe(3);
    expect(result.suggestions.every((s) => s.high === 3)).toBe(true);
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  it('leaves out the single words of a longer phrase that is suggested as often', () => {
    expect(phrases(rubric)).not.toContain('blast');
    expect(phrases(rubric)).not.toContain('radius');
  });

  it('never suggests a phrase a pattern already matches', () => {
    const withoutCanary = {
      ...rubric,
      concepts: rubric.concepts.map((c) => (c.id === 'canary' ? { ...c, match: ['blue green'] } : c)),
    };
    expect(phrases(withoutCanary)).toContain('canary');
    expect(phrases(rubric)).not.toContain('canary');
    const withBlastRadius = {
      ...rubric,
      concepts: rubric.concepts.map((c) => (c.id === 'impact' ? { ...c, partial: ['blast radius'] } : c)),
    };
    expect(phrases(withBlastRadius)).not.toContain('blast radius');
  });

  it('never suggests words of the question itself', () => {
    // Three high scorers say "make deployments safer", the question's own words.
    const all = phrases(rubric, { minCount: 1, top: 100 });
    expect(all).toContain('automatic');
    for (const asked of ['deployments', 'safer', 'deployments safer', 'make deployments safer'])
      expect(all).not.toContain(asked);
  });

  it('needs a phrase in at least minCount high-scoring answers, and returns at most top', () => {
    expect(phrases(rubric, { minCount: 5 })).toEqual([]);
    expect(phrases(rubric, { minCount: 1, top: 2 })).toHaveLength(2);
  });

  it('refuses options that make no sense', () => {
    expect(() => suggestAliases(rubric, [], { top: 0 })).toThrowError(
      'rubricate: top must be a whole number ≥ 1, got 0',
    );
    expect(() => suggestAliases(rubric, [], { low: 0.9, high: 0.8 })).toThrowError(
      'rubricate: need 0 ≤ low ≤ high ≤ 1, got low 0.9 and high 0.8',
    );
  });
});

describe('renderSuggestions', () => {
  it('renders a table with each suggestion followed by its examples', () => {
    const text = renderSuggestions(suggestAliases(rubric, marked), 'text');
    expect(text).toContain(
      'Phrases in 5 high-scoring answers that no pattern matches, against 4 low-scoring answers; 1 row skipped',
    );
    expect(text).toContain(
      'phrase        high  low  lift  nearest concept\nblast radius     4    0  7.50  impact (0.47)\n    line 1: "Canary releases',
    );
  });

  it('says so when there is nothing to suggest, and renders json as the result', () => {
    const none = suggestAliases(rubric, marked, { minCount: 5 });
    expect(renderSuggestions(none, 'text')).toContain('No suggestions:');
    expect(JSON.parse(renderSuggestions(none, 'json'))).toEqual(none);
  });
});
