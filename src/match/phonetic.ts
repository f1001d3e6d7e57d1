import { doubleMetaphone } from 'double-metaphone';

/** Double Metaphone codes of a word (primary, and secondary when it differs): `vinager` and `vinegar` share `FNKR`. */
export function phoneticCodes(word: string): string[] {
  const [primary, secondary] = doubleMetaphone(word);
  return primary === secondary || !secondary ? [primary] : [primary, secondary];
}
