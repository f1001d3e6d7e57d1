import model from 'wink-eng-lite-web-model';
// The same file the model's own loader reads (the bundle holds it once): `coreLoader` reads it without copying it.
import core from 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';
import { type CoreModelFile, provideModel } from './renewableModel.js';

/** Hand analysis the model this module imports: the isomorphic entry does, since a browser cannot load it on demand. */
export function useBundledModel(): void {
  provideModel(model, core as unknown as CoreModelFile);
}
