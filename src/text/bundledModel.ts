import model from 'wink-eng-lite-web-model';
import { provideModel } from './analyze.js';

/** Hand analysis the model this module imports: the isomorphic entry does, since a browser cannot load it on demand. */
export function useBundledModel(): void {
  provideModel(model);
}
