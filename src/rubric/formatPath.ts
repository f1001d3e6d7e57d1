/** Render a path as written in a rubric file: `['concepts', 2, 'match', 0]` → `concepts[2].match[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
