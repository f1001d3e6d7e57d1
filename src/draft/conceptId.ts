const MAX_ID_LENGTH = 48;

/**
 * An id for a concept from its label ("Mean Time to Recovery (MTTR)" → `mean-time-to-recovery-mttr`), made
 * unique against `taken` with a `-2`, `-3`, … suffix, and added to it.
 * @example conceptId('Lead Time for Changes', new Set()) // 'lead-time-for-changes'
 */
export function conceptId(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_ID_LENGTH)
      .replace(/^-+|-+$/g, '') || 'concept';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
