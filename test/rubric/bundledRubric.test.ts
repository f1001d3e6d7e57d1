import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadRubric } from '../../src/rubric/loadRubric.js';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from '../../src/rubrics/bundledRubric.js';
import { bundled } from '../helpers.js';

describe('bundledRubric (rubricate/rubrics)', () => {
  it('lists the eleven DevOps rubrics, sorted', () => {
    expect(BUNDLED_RUBRIC_IDS).toHaveLength(11);
    expect([...BUNDLED_RUBRIC_IDS]).toEqual([...BUNDLED_RUBRIC_IDS].sort());
    expect(BUNDLED_RUBRIC_IDS).toContain('devops/kpis');
  });

  it('gives the same rubric as its YAML file, without touching the file system', () => {
    for (const id of BUNDLED_RUBRIC_IDS) expect(bundledRubric(id)).toEqual(bundled(id));
  });

  it('returns one frozen object per id, which loadRubric shares', async () => {
    const kpis = bundledRubric('devops/kpis');
    expect(bundledRubric('devops/kpis')).toBe(kpis);
    expect(await loadRubric('devops/kpis')).toBe(kpis);
    expect(Object.isFrozen(kpis.concepts[0]?.match)).toBe(true);
  });

  it('rejects an unknown id with an InputError naming the bundled ids', () => {
    expect(() => bundledRubric('devops/nope')).toThrow(InputError);
    expect(() => bundledRubric('__proto__')).toThrow(
      /^rubricate: unknown rubric "__proto__" \(bundled: devops\/benefits, /,
    );
  });
});
