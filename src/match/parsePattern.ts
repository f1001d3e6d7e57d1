/** A parsed pattern element. */
export type PatternNode =
  | { kind: 'word'; text: string; exact: boolean; prefix: boolean; optional: boolean }
  | { kind: 'group'; branches: PatternNode[][]; optional: boolean }
  | { kind: 'gap'; max: number };

/** A pattern that does not follow the syntax; `column` is 1-based. */
export class PatternSyntaxError extends Error {
  override name = 'PatternSyntaxError';
  constructor(
    readonly reason: string,
    readonly column: number,
  ) {
    super(column > 0 ? `${reason} at column ${column}` : reason);
  }
}

/** Largest `..N` gap a pattern may ask for. */
export const MAX_GAP = 20;
/** Deepest nesting of `(…)` groups. */
export const MAX_DEPTH = 5;
/** Most words one match may cover, counting each gap at its widest and each group at its longest alternative. */
export const MAX_SPAN = 32;
/** Most words in one pattern, counting every alternative. */
export const MAX_WORDS = 100;

const SPECIAL = new Set(['(', ')', '|', '?']);

/**
 * Parse one rubric pattern: words, `=EXACT`, `(a|b c)`, `(x)?`, `word*`, `..` / `..N` gaps.
 * @example parsePattern('mean time to (recovery|restore)').length // 4
 */
export function parsePattern(source: string): PatternNode[] {
  let i = 0;

  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i] as string)) i++;
  };

  const parseSequence = (depth: number): PatternNode[] => {
    const nodes: PatternNode[] = [];
    for (;;) {
      skipSpace();
      const c = source[i];
      if (c === undefined || c === ')' || c === '|') return nodes;
      const column = i + 1;
      if (c === '(') {
        if (depth >= MAX_DEPTH)
          throw new PatternSyntaxError(`groups nested deeper than ${MAX_DEPTH}`, column);
        i++;
        const branches: PatternNode[][] = [];
        for (;;) {
          const branchColumn = i + 1;
          const branch = parseSequence(depth + 1);
          if (branch.length === 0) throw new PatternSyntaxError('empty alternative', branchColumn);
          if (branch[0]?.kind === 'gap' || branch.at(-1)?.kind === 'gap') {
            throw new PatternSyntaxError('an alternative cannot start or end with a gap', branchColumn);
          }
          branches.push(branch);
          if (source[i] === '|') {
            i++;
            continue;
          }
          if (source[i] === ')') break;
          throw new PatternSyntaxError('unclosed "("', column);
        }
        i++;
        nodes.push({ kind: 'group', branches, optional: takeOptional() });
      } else if (c === '?') {
        throw new PatternSyntaxError('"?" must follow a word or a group', column);
      } else if (source.startsWith('..', i)) {
        i += 2;
        const digits = /^\d+/.exec(source.slice(i))?.[0] ?? '';
        i += digits.length;
        const max = digits ? Number(digits) : 3;
        if (max < 1 || max > MAX_GAP) {
          throw new PatternSyntaxError(`a gap must be ..1 to ..${MAX_GAP}, not ..${digits}`, column);
        }
        nodes.push({ kind: 'gap', max });
      } else {
        nodes.push(parseWord(column));
      }
    }
  };

  const takeOptional = (): boolean => {
    if (source[i] !== '?') return false;
    i++;
    return true;
  };

  const parseWord = (column: number): PatternNode => {
    const begin = i;
    while (i < source.length && !SPECIAL.has(source[i] as string) && !/\s/.test(source[i] as string)) i++;
    let text = source.slice(begin, i);
    const exact = text.startsWith('=');
    if (exact) text = text.slice(1);
    const prefix = text.endsWith('*');
    if (prefix) text = text.slice(0, -1);
    if (text.includes('*')) {
      throw new PatternSyntaxError('"*" may only end a word', column + (exact ? 1 : 0) + text.indexOf('*'));
    }
    if (exact && prefix) throw new PatternSyntaxError('a word cannot be both =exact and a prefix*', column);
    if (prefix && text.length < 2) throw new PatternSyntaxError('a prefix* needs at least 2 letters', column);
    if (!/[\p{L}\p{N}]/u.test(text)) {
      throw new PatternSyntaxError(exact ? '"=" must be followed by a word' : `unexpected "${text}"`, column);
    }
    return { kind: 'word', text, exact, prefix, optional: takeOptional() };
  };

  const nodes = parseSequence(0);
  if (source[i] === ')') throw new PatternSyntaxError('unexpected ")"', i + 1);
  if (source[i] === '|') throw new PatternSyntaxError('"|" outside a group; write (a|b)', i + 1);
  if (nodes.length === 0) throw new PatternSyntaxError('empty pattern', 0);
  if (nodes[0]?.kind === 'gap' || nodes.at(-1)?.kind === 'gap') {
    throw new PatternSyntaxError('a pattern cannot start or end with a gap', 0);
  }
  if (nodes.every((n) => n.kind === 'gap' || ('optional' in n && n.optional))) {
    throw new PatternSyntaxError('a pattern needs at least one word that is not optional', 0);
  }
  // Matching costs up to span × words per answer word: both are capped so no pattern can make it explode.
  const span = spanOf(nodes);
  if (span > MAX_SPAN) {
    throw new PatternSyntaxError(
      `a pattern may cover at most ${MAX_SPAN} words (gaps at their widest), not ${span}`,
      0,
    );
  }
  const words = wordsOf(nodes);
  if (words > MAX_WORDS) {
    throw new PatternSyntaxError(
      `a pattern may have at most ${MAX_WORDS} words counting every alternative, not ${words}; split it into several patterns`,
      0,
    );
  }
  return nodes;
}

/** Answer words a pattern word stands for: `blue-green` and `CI/CD` are two. */
function pieces(text: string): number {
  return text.match(/\p{L}+|\p{N}+/gu)?.length ?? 1;
}

/** Most answer words one match can cover. */
function spanOf(nodes: readonly PatternNode[]): number {
  let span = 0;
  for (const n of nodes) {
    span +=
      n.kind === 'word' ? pieces(n.text) : n.kind === 'gap' ? n.max : Math.max(...n.branches.map(spanOf));
  }
  return span;
}

/** Words written in a pattern, every alternative included. */
function wordsOf(nodes: readonly PatternNode[]): number {
  let words = 0;
  for (const n of nodes) {
    if (n.kind === 'word') words += pieces(n.text);
    else if (n.kind === 'group') for (const branch of n.branches) words += wordsOf(branch);
  }
  return words;
}
