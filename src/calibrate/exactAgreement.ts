import { adjacentAgreement } from './adjacentAgreement.js';

/** Share of pairs with identical ratings, in [0, 1]; NaN when the input is empty. */
export function exactAgreement(a: readonly number[], b: readonly number[]): number {
  return adjacentAgreement(a, b, 0);
}
