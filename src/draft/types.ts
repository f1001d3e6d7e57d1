import type { RubricInput } from '../rubric/schema.js';

/** A concept as drafted, before ids are made unique. */
export type ConceptInput = RubricInput['concepts'][number];

/** One drafted concept with the note the author should read, and the statement that would contradict it. */
export interface DraftedConcept {
  concept: ConceptInput;
  /** What to check, rendered as a `# review:` comment above the concept. */
  review: string;
  /** Patterns for the contradicting statement; drafted as a misconception. */
  opposite?: { match: string[]; source: string };
}
