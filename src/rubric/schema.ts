import { z } from 'zod';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/_-]*$/, 'expected an id of letters, digits, "/", "_" or "-"')
  .max(200);
const text = z.string().min(1);
/** The longest pattern a rubric may hold, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
const patterns = z.array(z.string().min(1).max(MAX_PATTERN_LENGTH)).min(1).max(10_000);
const negation = z.enum(['flag', 'ignore']);
const ratio = z.number().min(0).max(1);
/** Points, penalties and scale values: at most a million, so totals stay exact. */
const amount = z.number().min(0).max(1_000_000);

/** Feedback sentences for one concept, by the status that triggers them. */
export const ConceptFeedbackSchema = z.strictObject({
  missing: text.optional().describe('Shown when the concept is missing: what to add, in one sentence.'),
  partial: text.optional().describe('Shown when only a partial pattern matched.'),
  negated: text.optional().describe('Shown when the concept was mentioned only in a negated clause.'),
});

/** One expected concept: patterns that credit it, its points and feedback. */
export const ConceptSchema = z.strictObject({
  id,
  label: text,
  description: z.string().optional().describe('A note for rubric authors; not used in grading.'),
  points: amount.default(1).describe('Points when met (default 1).'),
  required: z.boolean().default(false).describe('A missing required concept fails the answer.'),
  match: patterns.describe('Patterns; any one matching credits the concept.'),
  partial: patterns.optional().describe('Patterns that credit partialPoints when no full pattern matched.'),
  partialPoints: amount
    .optional()
    .describe('Points for a partial match, at most points (default half of points).'),
  negation: negation.optional().describe('Overrides the rubric-level negation handling for this concept.'),
  fuzzy: z.boolean().optional().describe('Set false to turn off misspelling tolerance for this concept.'),
  acronyms: z.boolean().optional().describe('Overrides the rubric-level derived-acronym setting.'),
  feedback: ConceptFeedbackSchema.optional(),
});

/** "Any N of M": members share the group's points once `need` of them are met. */
export const GroupSchema = z.strictObject({
  id,
  label: text,
  of: z.array(id).min(1).describe('Ids of member concepts.'),
  need: z.number().int().min(1).describe('How many members earn the full group points.'),
  points: amount.optional().describe("Replaces the members' own points (default: need)."),
  feedback: z
    .strictObject({
      missing: text
        .optional()
        .describe(
          "Shown for a missing member while the group is not satisfied, in place of the member's own.",
        ),
    })
    .optional(),
});

/** A common wrong answer that deducts points (never below 0). */
export const MisconceptionSchema = z.strictObject({
  id,
  label: text,
  match: patterns,
  penalty: amount.default(1).describe('Points deducted when triggered; the score never goes below 0.'),
  feedback: text.optional().describe('Shown when the misconception is triggered.'),
});

/** Score bands as minimum ratios of the maximum score. */
export const BandsSchema = z.strictObject({
  strong: ratio.default(0.85),
  adequate: ratio.default(0.6),
  weak: ratio.default(0.3),
});

/** One step of a scale: raw points at or above `min` report `score`. */
export const ScaleStepSchema = z.strictObject({ min: amount, score: amount });

/** How raw points become the reported score, pass and band. */
export const ScoringSchema = z.strictObject({
  scale: z.array(ScaleStepSchema).min(1).optional().describe('Map from raw points to the reported score.'),
  pass: ratio.default(0.6).describe('Ratio of the maximum score needed to pass.'),
  bands: BandsSchema.default({ strong: 0.85, adequate: 0.6, weak: 0.3 }),
  minWords: z.number().int().min(0).default(5).describe('Answers with fewer words are flagged too-short.'),
  keywordList: z
    .enum(['flag', 'penalize'])
    .default('flag')
    .describe('flag: report keyword-list answers; penalize: also halve their score.'),
});

/** A marked answer: the rubric's own test case. */
export const ExampleSchema = z.strictObject({
  answer: z.string(),
  score: z.number().min(0),
  concepts: z.array(id).optional().describe('Concepts credited (met or partial).'),
  note: z.string().optional().describe('Why the answer is marked so, for rubric authors.'),
});

/** The rubric file format, schema version 1 (see DESIGN.md, "The rubric contract"). */
export const RubricSchema = z.strictObject({
  $schema: z
    .string()
    .optional()
    .describe('The JSON Schema an editor validates against; ignored by rubricate.'),
  id,
  title: text,
  question: z.string().optional().describe('The question asked; reports carry it.'),
  version: z.string().optional().describe('Your own version label; reports carry it.'),
  negation: negation
    .default('flag')
    .describe('flag: negated mentions give status negated; ignore: they count.'),
  acronyms: z.boolean().default(true).describe('Derive an acronym alias for every multi-word pattern.'),
  fuzzy: z.boolean().default(true).describe('Match misspellings of words of 5 or more letters.'),
  concepts: z.array(ConceptSchema).min(1).max(100_000),
  groups: z.array(GroupSchema).default([]),
  misconceptions: z.array(MisconceptionSchema).default([]),
  scoring: ScoringSchema.default({
    pass: 0.6,
    bands: { strong: 0.85, adequate: 0.6, weak: 0.3 },
    minWords: 5,
    keywordList: 'flag',
  }),
  examples: z.array(ExampleSchema).default([]),
});

/** A validated rubric with every default filled in. */
export type Rubric = z.output<typeof RubricSchema>;
/** A rubric as written in a file: optional fields may be left out. */
export type RubricInput = z.input<typeof RubricSchema>;
/** One concept of a validated rubric. */
export type Concept = z.output<typeof ConceptSchema>;
/** One group of a validated rubric. */
export type Group = z.output<typeof GroupSchema>;
/** One misconception of a validated rubric. */
export type Misconception = z.output<typeof MisconceptionSchema>;
/** One marked example of a validated rubric. */
export type Example = z.output<typeof ExampleSchema>;
