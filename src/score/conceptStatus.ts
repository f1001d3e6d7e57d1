import type { ConceptStatus, Evidence } from '../report/types.js';

/** Evidence found for one concept, by the kind of pattern that produced it. */
export interface ConceptEvidence {
  match: Evidence[];
  partial: Evidence[];
}

/**
 * Decide a concept's status: a full pattern outside negation → met; else a partial pattern → partial;
 * else any negated mention → negated (unless negation is ignored); else missing.
 */
export function conceptStatus(
  found: ConceptEvidence,
  negation: 'flag' | 'ignore',
): { status: ConceptStatus; evidence: Evidence[] } {
  const counts = (e: Evidence) => negation === 'ignore' || !e.negated;
  const met = found.match.filter(counts);
  if (met.length > 0) return { status: 'met', evidence: met };
  const partial = found.partial.filter(counts);
  if (partial.length > 0) return { status: 'partial', evidence: partial };
  const negated = [...found.match, ...found.partial];
  if (negated.length > 0) return { status: 'negated', evidence: negated };
  return { status: 'missing', evidence: [] };
}
