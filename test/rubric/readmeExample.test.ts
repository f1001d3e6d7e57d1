import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';

// The rubric README.md shows under "The rubric format, by example": a user copies it as the start of their own.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The rubric format, by example'));
const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

describe("README's example rubric", () => {
  it('is valid as written', () => {
    expect(yaml).toContain('concepts:');
    expect(() => parseRubric(yaml, { filename: 'README.md' })).not.toThrow();
  });

  it('grades its own marked example as marked', () => {
    const rubric = parseRubric(yaml, { filename: 'README.md' });
    expect(rubric.examples.length).toBeGreaterThan(0);
    for (const example of rubric.examples) {
      const report = grade(rubric, example.answer);
      expect(report.score).toBe(example.score);
      const met = report.concepts.filter((c) => c.status === 'met').map((c) => c.id);
      expect(met.sort()).toEqual([...(example.concepts ?? [])].sort());
    }
  });
});
