import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import { PIPE } from '../../src/text/analyze.js';
import {
  CORE_FILE,
  type CoreModelFile,
  coreLoader,
  renewableModel,
  type WinkModel,
} from '../../src/text/renewableModel.js';

const require = createRequire(import.meta.url);
const model = require('wink-eng-lite-web-model') as WinkModel;
const file = require(CORE_FILE) as CoreModelFile;
type Core = { features: Record<string, { list: string[]; hash?: Record<string, number> }> };

describe('coreLoader', () => {
  it("gives what the model's own loader gives: the same lists, hashes, packed lexicon and clusters", () => {
    const ours = coreLoader(file)();
    expect(ours).toStrictEqual((model.core as unknown as () => unknown)());
    expect((ours as Core).features.lexeme?.list.length).toBeGreaterThan(80_000);
  });

  it('gives each instance its own word lists, and leaves the file as it was', () => {
    const load = coreLoader(file);
    const first = load() as Core;
    const words = file.features.lexeme?.list.length;
    // What wink does when it learns a word.
    first.features.lexeme?.list.push('zqxv');
    (first.features.lexeme?.hash as Record<string, number>).zqxv = 1;
    first.features.suffix?.list.push('xv');
    const second = load() as Core;
    expect(second.features.lexeme?.list.length).toBe(words);
    expect(second.features.lexeme?.hash?.zqxv).toBeUndefined();
    expect(second.features.suffix?.list).not.toContain('xv');
    expect(file.features.lexeme?.list.length).toBe(words);
  });

  it('makes instances that read a text as instances from the model itself do', () => {
    const text = "We don't deploy on Fridays; Kubernetes rollouts can't be rolled back by the on-call SRE.";
    const read = (m: WinkModel) => {
      const nlp = winkNLP(m, [...PIPE]);
      const { its } = nlp;
      const tokens = nlp.readDoc(text).tokens();
      return [
        tokens.out(),
        tokens.out(its.pos),
        tokens.out(its.lemma as never),
        tokens.out(its.negationFlag),
      ];
    };
    expect(read(renewableModel())).toEqual(read(model));
  });
});
