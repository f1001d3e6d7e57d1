import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import {
  analyze,
  LEARNED_WORDS_LIMIT,
  learnedWords,
  PIPE,
  readsAsOne,
  wordForms,
} from '../../src/text/analyze.js';
import { renewableModel } from '../../src/text/renewableModel.js';

/** `count` words no dictionary has, from `first` on: "zqa", "zqb", … */
function newWords(first: number, count: number): string {
  const words: string[] = [];
  for (let i = first; i < first + count; i++)
    words.push(`zq${i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + Number.parseInt(d, 26)))}`);
  return words.join(' ');
}

describe('analyze', () => {
  it('gives exact offsets for every token, whatever the spacing', () => {
    const text = '  Hello\tworld.\r\n\nDeployments   were rolled-back 😀 CI/CD.';
    for (const t of analyze(text).tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('reads an ASCII text as it reads the same text with other characters: letter case, tabs and returns folded alike', () => {
    const ascii = 'We Track MTTR\tDaily.\r\nLead Time IS NOT measured.';
    const forms = (text: string) =>
      analyze(text).tokens.map(({ text: word, lower, lemma, pos, sentence, negated }) => ({
        word,
        lower,
        lemma,
        pos,
        sentence,
        negated,
      }));
    // "Café" sends the whole text down the Unicode path; the ASCII tokens before it must not change.
    const unicode = forms(`${ascii} Café`);
    expect(unicode.at(-1)).toMatchObject({ word: 'Café', lower: 'café' });
    expect(forms(ascii)).toEqual(unicode.slice(0, -1));
  });

  it('reads typographic apostrophes as plain ones, keeping the text as written', () => {
    const tokens = analyze('MTTR isn’t tracked').tokens;
    expect(tokens.map((t) => [t.text, t.lower, t.negated])).toEqual([
      ['MTTR', 'mttr', false],
      ['is', 'is', false],
      ['n’t', "n't", false],
      ['tracked', 'tracked', true],
    ]);
  });

  it('splits a possessive \'s off its word before punctuation too, where wink keeps it whole ("the bulb\'s,")', () => {
    const text = "It was the bulb's, not Maria’s. The bulb's light";
    const words = analyze(text).tokens.filter((t) => t.kind !== 'space');
    expect(words.map((t) => [t.text, t.lower, t.start, t.end])).toEqual([
      ['It', 'it', 0, 2],
      ['was', 'was', 3, 6],
      ['the', 'the', 7, 10],
      ['bulb', 'bulb', 11, 15],
      ["'s", "'s", 15, 17],
      [',', ',', 17, 18],
      ['not', 'not', 19, 22],
      ['Maria', 'maria', 23, 28],
      ['’s', "'s", 28, 30],
      ['.', '.', 30, 31],
      ['The', 'the', 32, 35],
      ['bulb', 'bulb', 36, 40],
      ["'s", "'s", 40, 42],
      ['light', 'light', 43, 48],
    ]);
    for (const t of words) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('joins the parts wink splits off a word written in capitals ("IAM"), but not a negation ("CANNOT", "DONT")', () => {
    const words = (text: string) =>
      analyze(text)
        .tokens.filter((t) => t.kind !== 'space')
        .map((t) => [t.text, t.start, t.end, t.negated]);
    expect(words('IAM roles')).toEqual([
      ['IAM', 0, 3, false],
      ['roles', 4, 9, false],
    ]);
    expect(words('I am')).toEqual([
      ['I', 0, 1, false],
      ['am', 2, 4, false],
    ]);
    expect(words('We CANNOT deploy')).toEqual([
      ['We', 0, 2, false],
      ['CAN', 3, 6, false],
      ['NOT', 6, 9, false],
      ['deploy', 10, 16, true],
    ]);
    expect(words('DONT').map(([text]) => text)).toEqual(['DO', 'NT']);
  });

  it('reads a run of letters wink splits as one word, unless a part makes it a negation (readsAsOne)', () => {
    const parts = (word: string) => analyze(word).tokens.filter((t) => t.kind === 'word');
    expect(readsAsOne('iam', parts('iam'))).toBe(true);
    expect(readsAsOne('cannot', parts('cannot'))).toBe(false);
    expect(readsAsOne('dont', parts('dont'))).toBe(false);
    expect(readsAsOne('aws', parts('aws'))).toBe(false);
    expect(readsAsOne('i-am', parts('i-am'))).toBe(false);
  });

  it('normalizes case, lemma and stem', () => {
    const [deployments] = analyze('deployments').tokens;
    expect(deployments).toMatchObject({ lower: 'deployments', lemma: 'deployment', stem: 'deploy' });
  });

  it('keeps acronyms as they are instead of wink lemmas (CD is not "could")', () => {
    const cd = analyze('CI/CD').tokens.find((t) => t.text === 'CD');
    expect(cd?.lemma).toBe('cd');
  });

  it('starts a new sentence at a line break as well as at a full stop', () => {
    const tokens = analyze('- dev\n- staging. Prod').tokens.filter((t) => t.kind === 'word');
    expect(tokens.map((t) => [t.text, t.sentence])).toEqual([
      ['dev', 0],
      ['staging', 1],
      ['Prod', 2],
    ]);
  });

  it('reads a lone carriage return as a line break, and one before a line feed as part of it', () => {
    const sentences = (text: string) =>
      analyze(text)
        .tokens.filter((t) => t.kind === 'word')
        .map((t) => t.sentence);
    expect(sentences('we deploy\rto production')).toEqual([0, 0, 1, 1]);
    expect(sentences('we deploy\r\nto production')).toEqual([0, 0, 1, 1]);
    expect(sentences('we deploy\rto production é')).toEqual([0, 0, 1, 1, 1]);
  });

  it('starts a sentence after a word wink reads as an abbreviation when a capital follows, but not after a title', () => {
    const sentenceOf = (text: string, word: string) =>
      analyze(text).tokens.find((t) => t.text === word)?.sentence;
    expect(sentenceOf('X has the greater mass. Equal volumes are compared.', 'Equal')).toBe(1);
    expect(sentenceOf('It runs in prod. Monitoring is good.', 'Monitoring')).toBe(1);
    expect(sentenceOf('Ask Dr. Smith about it.', 'Smith')).toBe(0);
    expect(sentenceOf('See fig. 3 for details.', 'details')).toBe(0);
  });

  it('marks the scope of a negation cue', () => {
    const negated = analyze('We never used canary releases.')
      .tokens.filter((t) => t.negated)
      .map((t) => t.text);
    expect(negated).toEqual(['used', 'canary', 'releases']);
  });

  it("reads each token's part of speech, negation, lemma and sentence as wink's public API gives them", () => {
    // Analysis reads wink's document data in place; a wink whose layout differs would fail here.
    const text =
      "we don't deploy on fridays. the pipeline wasn't green, so nobody merged it!\n" +
      "rollbacks can't wait; they're automated. lead time isn't tracked by teams who've never measured it.";
    const nlp = winkNLP(renewableModel(), [...PIPE]);
    const { its } = nlp;
    const doc = nlp.readDoc(text);
    const expected = {
      text: doc.tokens().out(),
      pos: doc.tokens().out(its.pos),
      negated: doc.tokens().out(its.negationFlag),
      lemma: doc.tokens().out(its.lemma as never) as string[],
    };
    const sentences = doc.sentences().out(its.span) as unknown as [number, number][];
    const sentenceOf = (i: number) => sentences.findIndex(([, last]) => i <= last);
    const tokens = analyze(text).tokens;
    expect(tokens.map((t) => t.text)).toEqual(expected.text);
    expect(tokens.map((t) => t.pos)).toEqual(expected.pos);
    expect(tokens.map((t) => t.negated)).toEqual(expected.negated);
    // Contractions' lemmas come from their expansion ("ca" is "can"), kept where they keep the first two letters.
    const lemmas = expected.lemma.map((lemma, i) =>
      lemma.slice(0, 2) === expected.text[i]?.slice(0, 2) ? lemma : expected.text[i],
    );
    expect(tokens.map((t) => t.lemma)).toEqual(lemmas);
    expect(tokens.find((t) => t.text === 'ca')?.lemma).toBe('can');
    // A line break belongs to the sentence before it; every other token to wink's sentence.
    const words = tokens.flatMap((t, i) => (t.kind === 'space' ? [] : [i]));
    expect(words.map((i) => tokens[i]?.sentence)).toEqual(words.map(sentenceOf));
    expect(tokens.filter((t) => t.negated).length).toBeGreaterThan(5);
    expect(new Set(tokens.map((t) => t.sentence)).size).toBe(4);
  });

  it('gives no tokens for an empty text, and only spaces for a blank one', () => {
    expect(analyze('').tokens).toEqual([]);
    expect(analyze('   ').tokens.filter((t) => t.kind !== 'space')).toEqual([]);
  });

  it('tokenizes a text the same whatever the process analysed before (wink learns new words as it reads)', () => {
    const texts = (t: string) => analyze(t).tokens.map((token) => token.text);
    const possessive = "Maybe Sammy's hand is bigger than Greta's hand.";
    const unit = 'The runner ran 3000m then 300m.';
    const before = [texts(possessive), texts(unit)];
    expect(before[0]).toContain("'s");
    // Each of these once made wink keep "Sammy's" and "3000m" in one piece in every later text.
    analyze("It is bigger than Sammy's.");
    analyze('They ran 3000m, then 300m, then 3km.');
    expect([texts(possessive), texts(unit)]).toEqual(before);
  });

  it('reads the next text with a fresh vocabulary once wink has learned more than the limit, giving the same tokens', () => {
    const text = 'Mean time to recovery fell; deploymnet frequency and lead time rose.';
    const before = analyze(text).tokens;
    analyze(newWords(0, LEARNED_WORDS_LIMIT + 1_000));
    expect(learnedWords()).toBeGreaterThan(LEARNED_WORDS_LIMIT);
    // The next text is read by a fresh instance, which has learned only that text's new words.
    expect(analyze(text).tokens).toEqual(before);
    expect(learnedWords()).toBeLessThan(10);
  });

  it("loads the model's custom-entity machines once, so instances can be made again (wink's loader grows them per call)", () => {
    const model = renewableModel();
    const load = model.metaCER as unknown as () => { machines: string };
    expect(load().machines.length).toBe(load().machines.length);
    // The first load itself, not a fresh (re-stringified) one each call.
    expect(load()).toBe(load());
    expect(
      winkNLP(model, [...PIPE])
        .readDoc('It runs.')
        .tokens()
        .length(),
    ).toBe(3);
  });

  it('splits pattern words at hyphens and slashes', () => {
    expect(wordForms('blue-green').map((w) => w.lower)).toEqual(['blue', 'green']);
    expect(wordForms('CI/CD').map((w) => w.lower)).toEqual(['ci', 'cd']);
  });
});
