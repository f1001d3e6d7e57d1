import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { checkRubric } from '../../src/rubric/checkRubric.js';
import { bundledRubrics } from '../../src/rubric/loadRubric.js';
import { bundled } from '../helpers.js';

const ORDER = [
  'responsibilities',
  'technologies',
  'deployment-failure',
  'core-operations',
  'benefits',
  'kpis',
  'new-pipeline',
  'databases',
  'environments',
  'deployment-types',
  'plugins',
].map((name) => `devops/${name}`);
const seedFile = new URL('../../../shared/seed/devops-interview-answers.txt', import.meta.url);

/** The seed's eleven model answers, split at the numbered questions (which start at column 0). */
function seedAnswers(): string[] {
  const text = readFileSync(seedFile, 'utf8');
  return text
    .split(/^\d+\.\s.*$/m)
    .slice(1)
    .map((s) => s.trim());
}

describe('bundled DevOps rubrics', () => {
  it('ships all eleven ids', () => {
    expect(bundledRubrics().map((r) => r.id)).toEqual([...ORDER].sort());
  });

  it.each(ORDER)('%s has ≥ 10 marked examples and agrees with every one (tolerance 0)', (id) => {
    const result = checkRubric(bundled(id));
    expect(result.examples).toBeGreaterThanOrEqual(10);
    expect(result.mismatches).toEqual([]);
  });

  it.skipIf(!existsSync(seedFile))(
    'grades each seed answer strong on its own rubric and highest there',
    () => {
      const answers = seedAnswers();
      expect(answers).toHaveLength(11);
      const rubrics = ORDER.map(bundled);
      answers.forEach((answer, q) => {
        const ratios = rubrics.map((r) => grade(r, answer).ratio);
        const own = ratios[q] as number;
        expect(grade(rubrics[q] as (typeof rubrics)[number], answer).band, ORDER[q]).toBe('strong');
        ratios.forEach((ratio, other) => {
          if (other !== q) expect(ratio, `${ORDER[q]} answer on ${ORDER[other]}`).toBeLessThan(own);
        });
      });
    },
  );
});
