import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWords, findMatches } from '../../src/match/findMatches.js';
import { PatternRunner } from '../../src/match/patternRunner.js';
import { compileRubric } from '../../src/rubric/compileRubric.js';
import { analyze } from '../../src/text/analyze.js';
import { rubricOf } from '../helpers.js';

// Pattern words, some joined ("dataset" = "data set") or long enough to be misspelt ("kubernetes").
const WORDS = [
  'deploy',
  'pipeline',
  'service',
  'restart',
  'check',
  'dataset',
  'data',
  'kubernetes',
  'canary',
];
// What an answer may hold besides them: fillers, stop words, breaks, misspellings, the parts of a joined word.
const EXTRA = ['the', 'our', 'this', 'a', 'of', 'for', 'in', 'set', ',', '.', 'kubernets', 'servise', 'not'];

const element = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `(${a}|${b})`),
  fc.constantFrom('deploy*', 'kube*', 'pipe*'),
);
// Between two elements: adjacency, a gap, or an optional stop word.
const joint = fc.constantFrom(' ', ' ', ' .. ', ' ..2 ', ' (of|for)? ');
const pattern = fc
  .tuple(element, fc.array(fc.tuple(joint, element), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([j, e]) => j + e).join(''));
// Answers that spell the patterns, with what matching must see through or stop at in between: each pattern word,
// a choice of its alternatives, misspelt or split, and fillers, stop words and breaks around and inside.
const SPELLINGS: Record<string, string[]> = {
  kubernetes: ['kubernetes', 'kubernets'],
  service: ['service', 'servise'],
  dataset: ['dataset', 'data set'],
  'deploy*': ['deploy', 'deployment'],
  'kube*': ['kubernetes', 'kube'],
  'pipe*': ['pipeline', 'pipes'],
};
function spell(source: string, pick: () => number): string {
  const choose = <T>(list: readonly T[]): T => list[pick() % list.length] as T;
  const between = () => Array.from({ length: pick() % 3 }, () => choose(EXTRA)).join(' ');
  return source
    .split(' ')
    .map((part) => {
      if (part.startsWith('..')) return between();
      if (part === '(of|for)?') return choose(['', 'of', 'for', 'in', 'the', 'to']);
      const word = part.startsWith('(') ? choose(part.slice(1, -1).split('|')) : part;
      return `${choose(SPELLINGS[word] ?? [word])} ${pick() % 4 === 0 ? between() : ''}`;
    })
    .join(' ');
}
const answerFor = (patterns: string[]) =>
  fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).map((choices) => {
    let next = 0;
    const pick = () => choices[next++ % choices.length] as number;
    const spelt = patterns.filter(() => pick() % 2 === 0).map((p) => spell(p, pick));
    return [...spelt, ...Array.from({ length: pick() % 8 }, () => EXTRA[pick() % EXTRA.length])].join(' ');
  });

describe('findMatches', () => {
  it('finds exactly what running every pattern from every word finds (its indexes only skip runs that fail)', () => {
    fc.assert(
      fc.property(
        fc
          .array(pattern, { minLength: 1, maxLength: 8 })
          .chain((patterns) => fc.tuple(fc.constant(patterns), answerFor(patterns))),
        ([patterns, text]) => {
          const compiled = compileRubric(rubricOf({ c: patterns }));
          const analyzed = analyze(text);
          const found = findMatches(analyzed, compiled.lexicon, compiled.patterns).map(
            (m) => `${m.pattern}:${m.start}:${m.end}`,
          );
          const input = answerWords(analyzed, compiled.lexicon);
          const runner = new PatternRunner(input, compiled.patterns.packed);
          const offset = (word: number) => input.tokens[input.index[word] as number];
          const everyRun: string[] = [];
          for (let s = 0; s < input.words.length; s++) {
            for (let i = 0; i < compiled.patterns.patterns.length; i++) {
              if (runner.run(i, s)) everyRun.push(`${i}:${offset(s)?.start}:${offset(runner.end)?.end}`);
            }
          }
          expect(found.sort()).toEqual(everyRun.sort());
        },
      ),
      // A fixed seed keeps CI deterministic; FC_SEED=<n> explores others.
      { numRuns: 500, seed: Number(process.env.FC_SEED ?? 20261128) },
    );
  });
});
