import { readsAsOne, wordSurfaces } from '../text/analyze.js';
import type { WordForms } from '../text/types.js';
import type { Lexicon } from './lexicon.js';
import type { PatternNode } from './parsePattern.js';
import { NEGATION_CUES, NOT_ACRONYMS, STOP_WORDS } from './words.js';

/** One state of a pattern automaton (a Thompson NFA over answer words). */
export type Step =
  | { op: 'word'; id: number; next: number; loose: boolean }
  | { op: 'stop'; next: number; loose: boolean }
  | { op: 'any'; next: number }
  | { op: 'split'; next: number[] }
  | { op: 'accept' };

/** A pattern compiled against a lexicon: an automaton that runs in time linear in the words it reads. */
export interface CompiledPattern {
  /** The pattern as written in the rubric. */
  source: string;
  steps: Step[];
  start: number;
  /** Lexicon ids that can match the first answer word. */
  first: Set<number>;
  /** True when an optional stop word can be the first answer word. */
  firstStop: boolean;
  /**
   * For each lexicon id the first answer word can match, what the second answer word must then be: one of
   * `ids`, or a stop word if `stop`; undefined when it is not known in advance (a gap, or the pattern may end).
   * Lets a start position skip the run when the next word cannot continue it.
   */
  second: ReadonlyMap<number, SecondWord | undefined>;
  /**
   * For a first word followed by a gap or an optional stop word (`deploy .. daily`, `lead (of|for)? time`): the
   * lexicon ids of the next word the run must read past them. A start position skips the run when none of them
   * occurs within reach.
   */
  afterGap: ReadonlyMap<number, ReadonlySet<number>>;
  /** True when the pattern itself contains a negation word ("no downtime"). */
  hasCue: boolean;
  /** Upper bound on the answer words one match can span (fillers aside). */
  maxWords: number;
}

/** What a pattern's second answer word can be (see `CompiledPattern.second`). */
export interface SecondWord {
  ids: ReadonlySet<number>;
  stop: boolean;
}

/** Options that change how pattern words are compared. */
export interface PatternOptions {
  fuzzy: boolean;
  acronyms: boolean;
}

const MAX_EXPANSIONS = 32;

/** A pattern word written in capitals, two letters at least (`IAM`, `K8S`). */
const CAPITALS = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}]+$/u;

/**
 * Compile a parsed pattern into automata: the pattern itself and, for plain multi-word patterns,
 * its derived acronyms (`mean time to recovery` → `MTTR`).
 */
export function compilePattern(
  source: string,
  nodes: PatternNode[],
  lexicon: Lexicon,
  forms: (word: string) => WordForms[],
  options: PatternOptions,
): CompiledPattern[] {
  const steps: Step[] = [{ op: 'accept' }];
  const add = (step: Step): number => steps.push(step) - 1;
  let hasCue = false;
  let maxWords = 0;
  // A stop word is read as any stop word, so that "lead of time" credits "lead time"; a pattern of nothing else ("A",
  // "of the") would then credit almost every answer, so there its words are words like any other.
  const stopsAreWords = onlyStopWords(nodes, forms);

  const wordIds = (node: Extract<PatternNode, { kind: 'word' }>): { ids: number[]; stop: boolean } => {
    if (node.exact) {
      // Split as answers are, so that every part is a token an answer can have (`=Node.js`, `=can't`).
      const parts = node.text.split(/[/\s]+/).flatMap((chunk) => (chunk ? wordSurfaces(chunk) : []));
      // An exact negation (`=don't panic`) is the pattern's own cue, as in a plain pattern.
      if (parts.some((text) => NEGATION_CUES.has(text.toLowerCase()))) hasCue = true;
      return {
        ids: parts.map((text) => lexicon.add({ ...lowerForms(text), mode: 'exact', text, fuzzy: false })),
        stop: false,
      };
    }
    const words = forms(node.text);
    if (words.length === 0) return { ids: [], stop: false };
    if (!stopsAreWords && isStopWord(node, forms)) return { ids: [], stop: true };
    // A word written in capitals (`IAM`) is an acronym: two answer words ("I am") never spell it.
    const capitals = words.length === 1 && CAPITALS.test(node.text);
    const ids = words.map((w, i) => {
      if (NEGATION_CUES.has(w.lower)) hasCue = true;
      const isPrefix = node.prefix && i === words.length - 1;
      return lexicon.add({
        ...w,
        mode: isPrefix ? 'prefix' : 'word',
        text: isPrefix ? w.lower : capitals ? node.text : '',
        fuzzy: options.fuzzy && !isPrefix,
      });
    });
    return { ids, stop: false };
  };

  // Build backwards: each builder returns the entry state of its nodes, leading to `next`.
  const buildSequence = (nodes: PatternNode[], next: number, loose: boolean): number => {
    let entry = next;
    let afterNext = next;
    for (let k = nodes.length - 1; k >= 0; k--) {
      const node = nodes[k] as PatternNode;
      const isLoose = k === 0 ? loose : nodes[k - 1]?.kind === 'gap';
      let start: number;
      if (node.kind === 'gap') {
        start = entry;
        for (let g = 0; g < node.max; g++)
          start = add({ op: 'split', next: [add({ op: 'any', next: start }), entry] });
        maxWords += node.max;
      } else if (node.kind === 'group') {
        start = buildGroup(node, entry, isLoose);
      } else {
        start = buildWord(node, entry, isLoose);
        const following = nodes[k + 1];
        if (joinable(node) && following?.kind === 'word' && joinable(following)) {
          // Two words also match their one-word spelling: `roll back` matches "rollback".
          const joined = forms(node.text + following.text);
          if (joined.length === 1) {
            const id = lexicon.add({
              ...(joined[0] as WordForms),
              mode: 'word',
              text: '',
              fuzzy: options.fuzzy,
            });
            start = add({
              op: 'split',
              next: [start, add({ op: 'word', id, next: afterNext, loose: isLoose })],
            });
          }
        }
      }
      if (node.kind !== 'gap' && node.optional) start = add({ op: 'split', next: [start, entry] });
      afterNext = entry;
      entry = start;
    }
    return entry;
  };

  const buildGroup = (
    node: Extract<PatternNode, { kind: 'group' }>,
    next: number,
    loose: boolean,
  ): number => {
    const before = maxWords;
    let widest = 0;
    const starts = node.branches.map((branch) => {
      maxWords = 0;
      const start = buildSequence(branch, next, loose);
      widest = Math.max(widest, maxWords);
      return start;
    });
    maxWords = before + widest;
    return starts.length === 1 ? (starts[0] as number) : add({ op: 'split', next: starts });
  };

  const buildWord = (node: Extract<PatternNode, { kind: 'word' }>, next: number, loose: boolean): number => {
    const { ids, stop } = wordIds(node);
    if (stop) {
      maxWords += 1;
      return add({ op: 'split', next: [add({ op: 'stop', next, loose }), next] });
    }
    maxWords += ids.length;
    let state = next;
    for (let i = ids.length - 1; i >= 0; i--) {
      state = add({ op: 'word', id: ids[i] as number, next: state, loose: i === 0 ? loose : false });
    }
    if (ids.length > 1 && !node.exact && !node.prefix) {
      // A hyphenated or slashed word also matches its closed spelling: `blue-green` matches "bluegreen". One run of
      // letters wink reads as two ("iam", "youre") also matches as one token ("IAM", which analysis joins), without
      // misspelling tolerance, which would let "youre" credit "yours"; not a negation ("cannot").
      const closed = node.text.replace(/[-/]/g, '');
      const joined = forms(closed);
      const lower = closed.toLowerCase();
      const word =
        joined.length === 1
          ? { ...(joined[0] as WordForms), fuzzy: options.fuzzy }
          : readsAsOne(node.text, joined)
            ? { lower, lemma: lower, stem: lower, fuzzy: false }
            : undefined;
      if (word) {
        const id = lexicon.add({ ...word, mode: 'word', text: '' });
        state = add({ op: 'split', next: [state, add({ op: 'word', id, next, loose })] });
      }
    }
    return state;
  };

  const start = buildSequence(nodes, 0, true);
  const pattern = finish(source, steps, start, hasCue, maxWords);
  const compiled = [pattern];
  if (options.acronyms) {
    for (const acronym of deriveAcronyms(nodes, forms)) {
      const id = lexicon.add({
        lower: acronym.toLowerCase(),
        lemma: '',
        stem: '',
        mode: 'acronym',
        text: acronym,
        fuzzy: false,
      });
      const acronymSteps: Step[] = [{ op: 'accept' }, { op: 'word', id, next: 0, loose: true }];
      compiled.push(finish(source, acronymSteps, 1, false, 1));
    }
  }
  return compiled;
}

/** Whether a pattern word is a plain stop word ("the", not `=the` or `the*`), which reads any stop word. */
function isStopWord(
  node: Extract<PatternNode, { kind: 'word' }>,
  forms: (word: string) => WordForms[],
): boolean {
  const words = forms(node.text);
  return !node.exact && !node.prefix && words.length === 1 && STOP_WORDS.has((words[0] as WordForms).lower);
}

/** Whether every word of a pattern (in every alternative) is a plain stop word: "A", "of the", "(a|the)". */
function onlyStopWords(nodes: readonly PatternNode[], forms: (word: string) => WordForms[]): boolean {
  return nodes.every((node) =>
    node.kind === 'group'
      ? node.branches.every((branch) => onlyStopWords(branch, forms))
      : node.kind !== 'word' || isStopWord(node, forms),
  );
}

/** A required plain word of two or more letters that is not a stop word. */
function joinable(node: PatternNode): boolean {
  return (
    node.kind === 'word' &&
    !node.exact &&
    !node.prefix &&
    !node.optional &&
    node.text.length >= 2 &&
    /^[\p{L}\p{N}]+$/u.test(node.text) &&
    !STOP_WORDS.has(node.text.toLowerCase())
  );
}

function lowerForms(text: string): WordForms {
  const lower = text.toLowerCase();
  return { lower, lemma: lower, stem: lower };
}

function finish(
  source: string,
  steps: Step[],
  start: number,
  hasCue: boolean,
  maxWords: number,
): CompiledPattern {
  const first = new Set<number>();
  let firstStop = false;
  const seen = new Set<number>();
  const visit = (s: number) => {
    if (seen.has(s)) return;
    seen.add(s);
    const step = steps[s] as Step;
    if (step.op === 'split') step.next.forEach(visit);
    else if (step.op === 'word') first.add(step.id);
    else if (step.op === 'stop') firstStop = true;
  };
  visit(start);
  const closed = closures(steps);
  const seconds = second(steps, closed, start);
  return {
    source,
    steps,
    start,
    first,
    firstStop,
    second: seconds,
    afterGap: afterGap(steps, closed, start, seconds),
    hasCue,
    maxWords,
  };
}

/** For each first word, what the states after it read, if each reads a word or a stop word (see `second`). */
function second(
  steps: readonly Step[],
  closed: readonly (readonly number[] | undefined)[],
  start: number,
): Map<number, SecondWord | undefined> {
  const expand = (s: number) => closed[s] ?? [s];
  const out = new Map<number, { ids: Set<number>; stop: boolean } | undefined>();
  for (const s of expand(start)) {
    const step = steps[s] as Step;
    if (step.op !== 'word') continue;
    let known = out.has(step.id) ? out.get(step.id) : { ids: new Set<number>(), stop: false };
    for (const t of expand(step.next)) {
      const next = steps[t] as Step;
      if (!known) break;
      if (next.op === 'word') known.ids.add(next.id);
      else if (next.op === 'stop') known.stop = true;
      else known = undefined;
    }
    out.set(step.id, known);
  }
  return out;
}

/**
 * For each first word with no known second, or a stop word for second, the words its run must read once it has
 * skipped gap and stop words (see `afterGap`); a first word is left out when the pattern can end there.
 */
function afterGap(
  steps: readonly Step[],
  closed: readonly (readonly number[] | undefined)[],
  start: number,
  seconds: ReadonlyMap<number, SecondWord | undefined>,
): Map<number, Set<number>> {
  const expand = (s: number) => closed[s] ?? [s];
  /** The words a run must read from state `from` on, past gap and stop words; undefined when it can end first. */
  const wordsAhead = (from: number): Set<number> | undefined => {
    const ids = new Set<number>();
    const seen = new Set<number>();
    const pending = [from];
    while (pending.length > 0) {
      for (const t of expand(pending.pop() as number)) {
        if (seen.has(t)) continue;
        seen.add(t);
        const step = steps[t] as Step;
        if (step.op === 'word') ids.add(step.id);
        else if (step.op === 'any' || step.op === 'stop') pending.push(step.next);
        else return undefined;
      }
    }
    return ids;
  };
  const out = new Map<number, Set<number>>();
  // A first word several start states read: the words after any of them, unless one of them can end.
  const canEnd = new Set<number>();
  for (const s of expand(start)) {
    const step = steps[s] as Step;
    if (step.op !== 'word' || canEnd.has(step.id) || seconds.get(step.id)?.stop === false) continue;
    const ahead = wordsAhead(step.next);
    const ids = out.get(step.id);
    if (!ahead) {
      canEnd.add(step.id);
      out.delete(step.id);
    } else if (ids) for (const id of ahead) ids.add(id);
    else out.set(step.id, ahead);
  }
  return out;
}

/**
 * The epsilon closure of every split state: the other states it leads to without reading a word, depth first,
 * each once (the order in which a run adds them).
 */
export function closures(steps: readonly Step[]): (readonly number[] | undefined)[] {
  const out: number[][] = [];
  const closure = (s: number): number[] => {
    const known = out[s];
    if (known) return known;
    const list: number[] = [];
    for (const next of (steps[s] as Extract<Step, { op: 'split' }>).next) {
      for (const t of steps[next]?.op === 'split' ? closure(next) : [next])
        if (!list.includes(t)) list.push(t);
    }
    out[s] = list;
    return list;
  };
  steps.forEach((step, s) => {
    if (step.op === 'split') closure(s);
  });
  return out;
}

/** Acronyms of a plain pattern: initials of every expansion, with and without stop words (`MTTR`, `MTR`). */
export function deriveAcronyms(nodes: PatternNode[], forms: (word: string) => WordForms[]): string[] {
  const plain = (ns: PatternNode[]): boolean =>
    ns.every((n) =>
      n.kind === 'word' ? !n.exact && !n.prefix : n.kind === 'group' && n.branches.every(plain),
    );
  if (!plain(nodes)) return [];
  let expansions: string[][] = [[]];
  const expand = (ns: PatternNode[], prefixes: string[][]): string[][] => {
    let out = prefixes;
    for (const n of ns) {
      if (n.kind === 'gap') continue;
      const options: string[][][] =
        n.kind === 'word' ? [[forms(n.text).map((w) => w.lower)]] : n.branches.map((b) => expand(b, [[]]));
      const next: string[][] = n.optional ? [...out] : [];
      for (const prefix of out) {
        for (const option of options.flat()) {
          if (next.length < MAX_EXPANSIONS) next.push([...prefix, ...option]);
        }
      }
      out = next;
    }
    return out;
  };
  expansions = expand(nodes, expansions);
  const acronyms = new Set<string>();
  for (const words of expansions) {
    for (const list of [words, words.filter((w) => !STOP_WORDS.has(w))]) {
      if (list.length < 2 || !list.every((w) => /^\p{L}/u.test(w))) continue;
      const acronym = list.map((w) => (w[0] as string).toUpperCase()).join('');
      if (acronym.length <= 6 && !NOT_ACRONYMS.has(acronym.toLowerCase())) acronyms.add(acronym);
    }
  }
  return [...acronyms].sort();
}
