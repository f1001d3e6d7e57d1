import { describe, expect, it } from 'vitest';
import { BYTES_PER_WORD, compiledRubrics } from '../../src/batch/compiledRubrics.js';
import { gradeCompiled } from '../../src/gradeCompiled.js';
import { compileParsed } from '../../src/rubric/compileParsed.js';
import { bundledRubric } from '../../src/rubrics/bundledRubric.js';

const JSON_OF = {
  kpis: JSON.stringify(bundledRubric('devops/kpis')),
  environments: JSON.stringify(bundledRubric('devops/environments')),
  technologies: JSON.stringify(bundledRubric('devops/technologies')),
};

/** The estimated bytes of these rubrics (per lexicon word, before any answer fills a look-up cache). */
function bytesOf(...names: (keyof typeof JSON_OF)[]): number {
  return names.reduce(
    (sum, name) => sum + compileParsed(JSON.parse(JSON_OF[name])).lexicon.words.length * BYTES_PER_WORD,
    0,
  );
}

describe('compiledRubrics', () => {
  it('compiles a rubric once, however often rows name it', () => {
    const kept = compiledRubrics();
    const first = kept.get('kpis', JSON_OF.kpis);
    expect(kept.get('kpis', JSON_OF.kpis)).toBe(first);
    expect(first.rubric.id).toBe('devops/kpis');
  });

  it('drops the least recently used rubric past its budget, and compiles it again when a row needs it', () => {
    const kept = compiledRubrics(bytesOf('kpis', 'environments'));
    const kpis = kept.get('kpis', JSON_OF.kpis);
    const environments = kept.get('environments', JSON_OF.environments);
    expect(kept.get('kpis', JSON_OF.kpis)).toBe(kpis);
    // Both fit; a third does not, so the least recently used (environments, since kpis was just read) goes.
    kept.get('technologies', JSON_OF.technologies);
    expect(kept.get('environments', JSON_OF.environments)).not.toBe(environments);
    // Recompiled, it grades as before.
    const answer = 'We have dev, test, staging and production environments.';
    const again = kept.get('environments', JSON_OF.environments);
    expect(gradeCompiled(again, answer).concepts).toEqual(gradeCompiled(environments, answer).concepts);
  });

  it('keeps the rubric just compiled even when it alone is over the budget', () => {
    const kept = compiledRubrics(1);
    const technologies = kept.get('technologies', JSON_OF.technologies);
    expect(kept.get('technologies', JSON_OF.technologies)).toBe(technologies);
    kept.get('kpis', JSON_OF.kpis);
    expect(kept.get('technologies', JSON_OF.technologies)).not.toBe(technologies);
  });
});
