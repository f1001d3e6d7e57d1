// Pairs of words that contradict each other in an explanation ("the terminals are connected" against
// "… separated"), read both ways. The second side may list alternatives; pattern matching adds inflections.
const PAIRS: readonly (readonly [string, string])[] = [
  ['same', 'different'],
  ['open', 'closed'],
  ['opened', 'closed'],
  ['connected', '(separated|disconnected)'],
  ['complete', 'incomplete'],
  ['completed', 'incomplete'],
  ['positive', 'negative'],
  ['more', '(less|fewer)'],
  ['most', 'least'],
  ['higher', 'lower'],
  ['high', 'low'],
  ['highest', 'lowest'],
  ['larger', 'smaller'],
  ['bigger', 'smaller'],
  ['large', 'small'],
  ['big', 'small'],
  ['largest', 'smallest'],
  ['biggest', 'smallest'],
  ['increase', 'decrease'],
  ['increases', 'decreases'],
  ['increased', 'decreased'],
  ['hotter', 'colder'],
  ['hot', 'cold'],
  ['warmer', 'cooler'],
  ['warm', 'cool'],
  ['heavier', 'lighter'],
  ['faster', 'slower'],
  ['fast', 'slow'],
  ['stronger', 'weaker'],
  ['strong', 'weak'],
  ['attract', 'repel'],
  ['attracts', 'repels'],
  ['conductor', 'insulator'],
  ['louder', '(quieter|softer)'],
  ['loud', '(quiet|soft)'],
  ['brighter', 'dimmer'],
  ['longer', 'shorter'],
  ['long', 'short'],
  ['wider', 'narrower'],
  ['thicker', 'thinner'],
  ['above', 'below'],
  ['true', 'false'],
  ['full', 'empty'],
  ['wet', 'dry'],
  ['float', 'sink'],
  ['floats', 'sinks'],
  ['expand', 'contract'],
  ['absorb', 'reflect'],
  ['absorbs', 'reflects'],
];

const TABLE = new Map<string, string>();
for (const [word, opposite] of PAIRS) {
  if (!TABLE.has(word)) TABLE.set(word, opposite);
  for (const alternative of opposite.replace(/[()]/g, '').split('|'))
    if (!TABLE.has(alternative)) TABLE.set(alternative, word);
}

/**
 * The pattern for the word that contradicts `word` ("connected" → "(separated|disconnected)"), or undefined
 * when the word has no listed opposite.
 * @example oppositeOf('closed') // 'open'
 */
export function oppositeOf(word: string): string | undefined {
  return TABLE.get(word.toLowerCase());
}

/**
 * Opposable words that state a relation or a state (same/different, open/closed, connected/separated,
 * complete/incomplete): a phrase with one is what its sentence asserts, so an answer must say it.
 */
export const STATE_WORDS: ReadonlySet<string> = new Set([
  'open',
  'closed',
  'connected',
  'separated',
  'complete',
  'incomplete',
  'same',
  'different',
]);
