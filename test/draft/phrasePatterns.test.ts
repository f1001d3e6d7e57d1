import { describe, expect, it } from 'vitest';
import { type KeyPhrase, keyPhrases, questionForms } from '../../src/draft/keyPhrases.js';
import { phrasePatterns, restatesQuestion } from '../../src/draft/phrasePatterns.js';

function phrase(text: string, question?: string, index = 0): KeyPhrase {
  const found = keyPhrases(text, questionForms(question))[index];
  if (!found) throw new Error(`no key phrase ${index} in "${text}"`);
  return found;
}

describe('phrasePatterns', () => {
  it('keeps the head, a compounded noun and distinguishing words, not plain adjectives', () => {
    expect(phrasePatterns(phrase('There are many tiny bubbles.')).match).toEqual(['bubbles']);
    expect(phrasePatterns(phrase('The larger grease spot has more fat.')).match[0]).toBe(
      '(larger|bigger|greater) ..2 grease spot',
    );
    expect(phrasePatterns(phrase('They are in different electrical states.')).match[0]).toBe(
      '(different|separate|distinct) ..2 states',
    );
  });

  it('leaves out the words the question uses, keeping the noun a new word qualifies', () => {
    const question = 'Why is the voltage 1.5 for terminal 1 and the positive terminal?';
    expect(
      phrasePatterns(phrase('It is connected to the negative battery terminal.', question, 1)).match[0],
    ).toBe('negative ..2 terminal');
  });

  it('says a phrase restates the question when its new words only qualify a question noun', () => {
    const question = 'Why is the voltage 1.5 for terminal 1 and the positive terminal?';
    expect(restatesQuestion(phrase('the positive battery terminal', question))).toBe(true);
    expect(restatesQuestion(phrase('the negative battery terminal', question))).toBe(false);
    expect(restatesQuestion(phrase('Blue-green deployment', 'Which deployment strategies do you use?'))).toBe(
      false,
    );
  });

  it('puts a negation cue before a negated phrase and drafts its plain mention as the opposite', () => {
    expect(phrasePatterns(phrase('There is no closed path.'))).toEqual({
      match: [
        "(not|no|never|n't|without) ..5 closed ..2 (path|pathway)",
        "(path|pathway) ..3 (not|no|never|n't|without) ..2 closed",
        'open ..2 (path|pathway)',
        '(path|pathway) ..3 open',
      ],
      opposite: ['closed ..2 (path|pathway)', '(path|pathway) ..3 closed'],
    });
  });

  it('also drafts a modifier said as a predicate after its noun, and its opposite likewise', () => {
    expect(phrasePatterns(phrase('There is a complete circuit.'))).toEqual({
      match: [
        '(complete|whole|full) ..2 circuit',
        'circuit ..3 (complete|whole|full)',
        "(not|no|never|n't|without) ..5 incomplete ..2 circuit",
        "circuit ..3 (not|no|never|n't|without) ..2 incomplete",
      ],
      opposite: ['incomplete ..2 circuit', 'circuit ..3 incomplete'],
    });
  });

  it('never turns a degree word or a number into a predicate', () => {
    expect(phrasePatterns(phrase('There is more water.')).match).toEqual([
      'more ..2 water',
      "(not|no|never|n't|without) ..5 (less|fewer) ..2 water",
    ]);
    expect(phrasePatterns(phrase('Topaz is the hardest of the 4 minerals.', undefined, 2)).match).toEqual([
      '4 ..2 minerals',
    ]);
  });

  it('accepts the negated opposite of a phrase and drafts the opposite as the contradiction', () => {
    expect(phrasePatterns(phrase('The pitch gets higher.', 'How does the pitch change?', 1))).toEqual({
      match: ['higher', "(not|no|never|n't|without) ..5 lower"],
      opposite: ['lower'],
    });
  });

  it('writes the letter A exactly, so the article never matches it', () => {
    expect(phrasePatterns(phrase('Bulbs A and C are on.')).match).toEqual(['=A']);
  });
});
