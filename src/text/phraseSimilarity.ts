import stringSimilarity from 'string-similarity';

/**
 * Similarity of two short phrases in [0, 1] (Dice coefficient of letter bigrams, ignoring case and spaces):
 * 1 for the same letters, 0 for no shared bigram. Meant for labels and phrases, not whole answers (cost grows
 * with length) and not for single-word typos (`vinager`/`vinegar` scores 0.33). The one file that imports
 * string-similarity.
 * @example phraseSimilarity('blast radius', 'Limits the impact radius') // 0.47
 */
export function phraseSimilarity(a: string, b: string): number {
  return stringSimilarity.compareTwoStrings(a.toLowerCase(), b.toLowerCase());
}
