import { describe, expect, it } from 'vitest';
import { type KeyPhrase, keyPhrases, questionForms, sharedWords } from '../../src/draft/keyPhrases.js';

/** Phrases as `cue!text`, with `~` before each word the question already uses. */
function show(phrases: readonly KeyPhrase[]): string[] {
  return phrases.map(
    (p) =>
      `${p.negation ? `${p.negation}!` : ''}${p.words.map((w) => (w.inQuestion ? '~' : '') + w.text).join(' ')}`,
  );
}

describe('keyPhrases', () => {
  it('finds noun phrases, content verbs with their particle, and content adverbs', () => {
    expect(show(keyPhrases('The closed paths dried up and the water flows faster downhill.'))).toEqual([
      'closed paths',
      'dried up',
      'water flows',
      'faster',
      'downhill',
    ]);
  });

  it('keeps a degree word with the adjective it grades', () => {
    expect(show(keyPhrases('Oil is less dense than corn syrup.'))).toEqual([
      'Oil',
      'less dense',
      'corn syrup',
    ]);
  });

  it('records the negation cue before a phrase, and only for that phrase', () => {
    const phrases = keyPhrases("There is no gap between terminals 1 and 2, and they aren't separated.");
    expect(show(phrases)).toEqual(['no!gap', 'terminals 1', '2', 'not!separated']);
    expect(show(keyPhrases('Bulb C is no longer in a closed path.'))).toEqual(['Bulb C', 'no!closed path']);
  });

  it('marks the words the question uses, but not a comparative of one', () => {
    const question = questionForms('How hard is topaz compared to mineral X?');
    expect(show(keyPhrases('Topaz is the hardest mineral.', question))).toEqual([
      '~Topaz',
      'hardest',
      '~mineral',
    ]);
  });

  it('names the content words and lettered names a text shares with the question, as first written, each lemma once', () => {
    const question = questionForms('Why do both bulbs B and C go out when bulb A is burned out?');
    expect(sharedWords('Bulb A burns out, so bulbs B and C are in an open path.', question)).toEqual([
      'Bulb',
      'A',
      'burns',
      'B',
      'C',
    ]);
    expect(sharedWords('The path is open.', question)).toEqual([]);
  });

  it("takes the question's words from its asking sentences only: those ending in ? and the last one", () => {
    const question = questionForms(
      'Grace covered eggshells with vinegar. Small bubbles appeared. Which did she make, a solution or a reaction? Explain why.',
    );
    expect(['solution', 'reaction', 'explain', 'make'].filter((w) => question.has(w))).toEqual([
      'solution',
      'reaction',
      'explain',
      'make',
    ]);
    expect(['eggshells', 'vinegar', 'bubbles', 'bubble', 'appeared'].filter((w) => question.has(w))).toEqual(
      [],
    );
  });

  it('reads a capital letter after a noun or before "and" as a name, and "A" before a noun as the article', () => {
    expect(show(keyPhrases('A reaction happens when bulbs A and C are in one path.'))).toEqual([
      'reaction',
      'bulbs A',
      'C',
      'path',
    ]);
  });

  it('keeps words joined by a hyphen or slash as one word', () => {
    const [phrase] = keyPhrases('The D-cell battery is empty.');
    expect(phrase?.words.map((w) => w.text)).toEqual(['D-cell', 'battery']);
  });

  it('leaves out weak words and repeats, and gives each phrase its sentence', () => {
    const phrases = keyPhrases('It gets hot. The heat makes things hot.');
    expect(show(phrases)).toEqual(['hot', 'heat']);
    expect(phrases.map((p) => p.sentence)).toEqual(['It gets hot.', 'The heat makes things hot.']);
  });

  it('starts no phrase inside a fixed expression such as "in order to", "at least" or "due to"', () => {
    expect(show(keyPhrases('In order to compare, at least one gram is weighed due to the rules.'))).toEqual([
      'compare',
      'gram',
      'weighed',
      'rules',
    ]);
  });
});
