import { describe, expect, it } from 'vitest';
import { acronymOf, Lexicon, maxEdits } from '../../src/match/lexicon.js';
import { wordForms } from '../../src/text/analyze.js';

const token = (text: string) => ({
  text,
  ...(wordForms(text)[0] as { lower: string; lemma: string; stem: string }),
});

describe('Lexicon', () => {
  const lexicon = new Lexicon();
  const deployment = lexicon.add({ ...token('deployment'), mode: 'word', text: '', fuzzy: true });
  const mttr = lexicon.add({
    lower: 'mttr',
    lemma: '',
    stem: '',
    mode: 'acronym',
    text: 'MTTR',
    fuzzy: false,
  });
  const ci = lexicon.add({ lower: 'ci', lemma: '', stem: '', mode: 'acronym', text: 'CI', fuzzy: false });

  it('recognises a word by surface, lemma or stem, strongest first', () => {
    expect(lexicon.lookup(token('deployment'))).toEqual([{ id: deployment, via: 0, similarity: 1 }]);
    expect(lexicon.lookup(token('deployments'))[0]?.via).toBe(1);
    expect(lexicon.lookup(token('deploy'))[0]?.via).toBe(2);
  });

  it('recognises misspellings within the edit budget only', () => {
    expect(lexicon.lookup(token('deploymnet'))[0]).toMatchObject({ id: deployment, via: 4 });
    expect(lexicon.lookup(token('dplymnt'))).toEqual([]);
  });

  it('matches long acronyms in any case and two-letter ones only in capitals', () => {
    expect(lexicon.lookup(token('mttr'))[0]?.id).toBe(mttr);
    expect(lexicon.lookup({ text: 'CI', lower: 'ci', lemma: 'ci', stem: 'ci' })[0]?.id).toBe(ci);
    expect(lexicon.lookup({ text: 'ci', lower: 'ci', lemma: 'ci', stem: 'ci' })).toEqual([]);
  });
});

describe('acronymOf and maxEdits', () => {
  it('reads acronyms with plural and mixed case, and capitalised as at the start of a sentence', () => {
    expect([
      acronymOf('SLAs'),
      acronymOf('IaC'),
      acronymOf('mttr'),
      acronymOf('Mttr'),
      acronymOf('DevOps'),
      acronymOf('Kubernetes'),
    ]).toEqual(['SLA', 'IAC', 'MTTR', 'MTTR', 'DEVOPS', undefined]);
  });
  it('allows 0 edits below 5 letters, 1 for 5–8, 2 from 9', () => {
    expect([4, 5, 8, 9].map(maxEdits)).toEqual([0, 1, 1, 2]);
  });

  it('looks a token up by all its forms, so an earlier token of the same text never answers for it', () => {
    // "container" is stemmed "contain"; the "container" of "container's." is split off whole (its stem is itself).
    const fresh = () => {
      const own = new Lexicon();
      const contain = own.add({ ...token('contain'), mode: 'word', text: '', fuzzy: false });
      return { own, contain };
    };
    const whole = { text: 'container', lower: 'container', lemma: 'container', stem: 'container' };
    const stemmed = { ...whole, stem: 'contain' };
    const alone = fresh();
    const after = fresh();
    expect(after.own.lookup(stemmed)).toEqual([{ id: after.contain, via: 2, similarity: 1 }]);
    expect(after.own.lookup(whole)).toEqual(alone.own.lookup(whole));
    expect(after.own.lookup(whole)).toEqual([]);
  });

  it('counts the misspelling work of a cached look-up again, so a budget never depends on what came before', () => {
    const work = (first: boolean) => {
      const own = new Lexicon();
      own.add({ ...token('deployment'), mode: 'word', text: '', fuzzy: true });
      if (first) own.entry(token('deploymnet'));
      const counted = { fuzzy: 0 };
      own.entry(token('deploymnet'), counted);
      return counted.fuzzy;
    };
    expect(work(true)).toBe(work(false));
    expect(work(false)).toBeGreaterThan(0);
  });
});
