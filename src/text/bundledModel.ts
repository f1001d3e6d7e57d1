// The parts of the language model analysis uses (see `ModelParts`), each from its own file of
// wink-eng-lite-web-model, so that a bundle leaves out the named-entity and sentiment models. All are CommonJS
// modules: the core model's file is JSON, which an ES module could import only with an import attribute, so this
// entry keeps the model's own core loader (which copies the file for each instance) instead of `coreLoader`.
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import featureFn from 'wink-eng-lite-web-model/dist/feature.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import lemmatize from 'wink-eng-lite-web-model/dist/lemmatize.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import metaCER from 'wink-eng-lite-web-model/dist/load-cer-meta-model.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import core from 'wink-eng-lite-web-model/dist/load-core-model.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import negation from 'wink-eng-lite-web-model/dist/load-negation-model.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import pos from 'wink-eng-lite-web-model/dist/load-pos-model.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import sbd from 'wink-eng-lite-web-model/dist/load-sbd-model.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
// @ts-expect-error wink-eng-lite-web-model ships no types for its parts.
import readabilityStats from 'wink-eng-lite-web-model/dist/readability-stats.js';
import { provideModel } from './renewableModel.js';

/** Hand analysis the model this module imports: the isomorphic entry does, since a browser cannot load it on demand. */
export function useBundledModel(): void {
  provideModel({ core, sbd, pos, negation, metaCER, featureFn, stem, lemmatize, readabilityStats });
}
