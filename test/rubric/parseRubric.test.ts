import { describe, expect, it } from 'vitest';
import { RubricError } from '../../src/errors.js';
import { parseRubric, safeParseRubric } from '../../src/rubric/parseRubric.js';

const minimal = `
id: demo/x
title: Demo
concepts:
  - id: a
    label: A
    match: [alpha]
`;

function issuesOf(input: unknown, filename?: string): string[] {
  const result = safeParseRubric(input, filename ? { filename } : {});
  if (result.success) throw new Error('expected an invalid rubric');
  return result.error.message.split('\n');
}

describe('parseRubric', () => {
  it('fills in every default of the contract', () => {
    const rubric = parseRubric(minimal);
    expect(rubric).toMatchObject({
      negation: 'flag',
      acronyms: true,
      fuzzy: true,
      groups: [],
      misconceptions: [],
      examples: [],
      scoring: {
        pass: 0.6,
        bands: { strong: 0.85, adequate: 0.6, weak: 0.3 },
        minWords: 5,
        keywordList: 'flag',
      },
    });
    expect(rubric.concepts[0]).toMatchObject({ points: 1, required: false });
  });

  it('skips a byte-order mark before JSON as before YAML', () => {
    const json = '\uFEFF{"id":"t/x","title":"X","concepts":[{"id":"a","label":"A","match":["x"]}]}';
    expect(parseRubric(json, { filename: 'bom.json' }).id).toBe('t/x');
  });

  it('reads JSON when the file name ends in .json, and accepts objects', () => {
    const object = { id: 'x', title: 'X', concepts: [{ id: 'a', label: 'A', match: ['alpha'] }] };
    expect(parseRubric(JSON.stringify(object), { filename: 'x.json' }).id).toBe('x');
    expect(parseRubric(object).concepts[0]?.id).toBe('a');
  });

  it('names the file, the path and the pattern error', () => {
    const text = minimal.replace('[alpha]', '[alpha, "deployment (frequency"]');
    expect(issuesOf(text, 'devops/kpis.yaml')).toEqual([
      'devops/kpis.yaml: concepts[0].match[1]: unclosed "(" at column 12',
    ]);
  });

  it('rejects unknown keys, wrong types and missing fields with their paths', () => {
    expect(
      issuesOf({ id: 'x', title: 'X', concepts: [{ id: 'a', label: 'A', match: ['a'], pointz: 2 }] }),
    ).toEqual(['concepts[0]: Unrecognized key: "pointz"']);
    expect(
      issuesOf({ id: 'x', title: 'X', concepts: [{ id: 'a', label: 'A', match: ['a'], points: 'two' }] }),
    ).toEqual(['concepts[0].points: Invalid input: expected number, received string']);
    expect(issuesOf({ id: 'x', concepts: [{ id: 'a', label: 'A', match: ['a'] }] }, 'r.yaml')).toEqual([
      'r.yaml: title: required: expected string',
    ]);
  });

  it('checks ids, group members, need, scale order and bands', () => {
    const rubric = {
      id: 'x',
      title: 'X',
      concepts: [
        { id: 'a', label: 'A', match: ['a'] },
        { id: 'a', label: 'A2', match: ['b'] },
      ],
      groups: [
        { id: 'g', label: 'G', of: ['a', 'zzz'], need: 3 },
        { id: 'h', label: 'H', of: ['a'], need: 1 },
      ],
      scoring: {
        scale: [
          { min: 1, score: 1 },
          { min: 2, score: 2 },
        ],
        bands: { strong: 0.5, adequate: 0.6, weak: 0.3 },
      },
      examples: [{ answer: 'a', score: 1, concepts: ['nope'] }],
    };
    expect(issuesOf(rubric, 'x.yaml')).toEqual([
      'x.yaml: concepts[1].id: duplicate id "a" (first used at concepts[0].id)',
      'x.yaml: groups[0].of[1]: unknown concept "zzz"',
      'x.yaml: groups[0].need: need 3 is more than the 2 members',
      'x.yaml: groups[1].of[0]: concept "a" is already in group "g"',
      'x.yaml: scoring.scale[1]: steps must be ordered by descending min, with scores that do not increase',
      'x.yaml: scoring.bands: expected strong ≥ adequate ≥ weak',
      'x.yaml: examples[0].concepts[0]: unknown concept "nope"',
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(issuesOf('id: x\ntitle: [unclosed\n', 'bad.yaml')[0]).toMatch(
      /^bad\.yaml: line \d+, column \d+: invalid YAML: /,
    );
  });

  it('throws a RubricError carrying the issues as data', () => {
    try {
      parseRubric({ id: 'x', title: 'X', concepts: [] }, { filename: 'f.yaml' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RubricError);
      expect((error as RubricError).filename).toBe('f.yaml');
      expect((error as RubricError).issues).toEqual([
        { path: 'concepts', message: 'Too small: expected array to have >=1 items' },
      ]);
    }
  });

  it('refuses YAML alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    expect(() => parseRubric(bomb.join('\n'), { filename: 'bomb.yaml' })).toThrow(RubricError);
  });
});
