import { type CompiledRubric, compileParsed, isCompiledRubric } from './compileParsed.js';
import { parseRubric } from './parseRubric.js';
import type { Rubric, RubricInput } from './schema.js';

export { type CompiledRubric, isCompiledRubric } from './compileParsed.js';

const cache = new WeakMap<object, CompiledRubric>();

/**
 * Compile a rubric once for many answers (validating it first if needed). The result is cached per rubric
 * object, so passing the same rubric to `grade` repeatedly compiles it once.
 * @example const compiled = compileRubric(parseRubric(yamlText)); answers.map((a) => grade(compiled, a));
 */
export function compileRubric(input: Rubric | RubricInput | CompiledRubric): CompiledRubric {
  if (isCompiledRubric(input)) return input;
  const known = cache.get(input);
  if (known) return known;
  const compiled = compileParsed(parseRubric(input));
  cache.set(input, compiled);
  return compiled;
}
