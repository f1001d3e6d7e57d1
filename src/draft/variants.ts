// Everyday words an answer uses for the same idea ("different paths" / "separate paths"). Each entry lists
// the variants a drafted pattern accepts besides the word itself; pattern matching adds inflections.
const GROUPS: readonly (readonly string[])[] = [
  ['different', 'separate', 'distinct'],
  ['same', 'identical', 'equal'],
  ['damaged', 'broken', 'burned', 'burnt', 'dead', 'blown'],
  ['connected', 'attached', 'linked', 'joined', 'hooked'],
  ['separated', 'apart', 'divided'],
  ['gap', 'break', 'opening'],
  ['complete', 'whole', 'full'],
  ['incomplete', 'unfinished'],
  ['larger', 'bigger', 'greater'],
  ['large', 'big', 'huge'],
  ['smaller', 'littler', 'tinier'],
  ['small', 'little', 'tiny'],
  ['faster', 'quicker'],
  ['fast', 'quick', 'quickly'],
  ['slower', 'slowly'],
  ['creates', 'makes', 'produces', 'forms', 'causes'],
  ['create', 'make', 'produce', 'form', 'cause'],
  ['shows', 'indicates', 'tells'],
  ['evaporated', 'dried', 'evaporation'],
  ['disappear', 'vanish', 'gone'],
  ['heavier', 'denser'],
  ['sound', 'noise'],
  ['sounds', 'noises'],
  ['path', 'pathway'],
  ['paths', 'pathways'],
];

const TABLE = new Map<string, readonly string[]>();
for (const group of GROUPS) {
  for (const word of group) if (!TABLE.has(word)) TABLE.set(word, group);
}

/**
 * A pattern word with its listed variants as alternatives (`different` → `(different|separate|distinct)`),
 * or the word itself when it has none.
 * @example withVariants('gap') // '(gap|break|opening)'
 */
export function withVariants(word: string): string {
  const group = TABLE.get(word.toLowerCase());
  return group ? `(${group.join('|')})` : word;
}
