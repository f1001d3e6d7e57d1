import { InputError } from './errors.js';
import { findMatches } from './match/findMatches.js';
import { VIAS } from './match/lexicon.js';
import { detectFlags } from './report/detectFlags.js';
import { buildFeedback } from './report/feedback.js';
import type { Evidence, Flag, GradeReport } from './report/types.js';
import type { CompiledRubric } from './rubric/compileParsed.js';
import type { Rubric } from './rubric/schema.js';
import { type ConceptEvidence, conceptStatus } from './score/conceptStatus.js';
import { type ScoreInput, scoreRubric } from './score/scoreRubric.js';
import { analyze, MODEL } from './text/analyze.js';
import { VERSION } from './version.js';

/** Options for one grading call. */
export interface GradeOptions {
  /** Longest answer accepted, in characters (default 100,000). */
  maxAnswerLength?: number;
  /** What to do with a longer answer: `error` throws an InputError (default); `truncate` grades the start and flags `truncated`. */
  onTooLong?: 'error' | 'truncate';
}

/** Default longest answer, in characters. */
export const MAX_ANSWER_LENGTH = 100_000;

/** Most automaton states one answer may visit (a 100,000-character answer typically needs under 150,000). */
export const MAX_MATCH_STATES = 10_000_000;

/** Keep the widest evidence: drop any span inside another span of the same list. */
function widest(list: Evidence[]): Evidence[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Evidence[] = [];
  let reach = -1;
  for (const e of sorted) {
    if (e.end <= reach) continue;
    kept.push(e);
    reach = e.end;
  }
  return kept;
}

/**
 * Grade one answer against a compiled rubric: `grade` without the rubric's validation, for callers whose rubric
 * is already checked (a batch worker receives rubrics its caller parsed). `started` is when the caller began.
 */
export function gradeCompiled(
  compiled: CompiledRubric,
  answer: string,
  options: GradeOptions = {},
  started = performance.now(),
): GradeReport {
  if (typeof answer !== 'string')
    throw new InputError('not-a-string', `rubricate: answer must be a string, got ${typeof answer}`);
  const spec = compiled.rubric;
  const limit = options.maxAnswerLength ?? MAX_ANSWER_LENGTH;
  if (!(limit >= 0 && (Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY)))
    throw new InputError('bad-option', `rubricate: maxAnswerLength must be a whole number ≥ 0, got ${limit}`);
  const flags: Flag[] = [];
  let text = answer;
  if (answer.length > limit) {
    if (options.onTooLong !== 'truncate') {
      throw new InputError(
        'answer-too-long',
        `rubricate: answer has ${answer.length} characters; the limit is ${limit}`,
      );
    }
    text = answer.slice(0, limit);
    flags.push('truncated');
  }

  const analyzed = analyze(text);
  // Evidence per concept, allocated only for concepts a pattern found (most of a large rubric has none).
  const found: (ConceptEvidence | undefined)[] = new Array(spec.concepts.length);
  // Which concepts have evidence: the concepts of a large rubric are read in a loop over these, not over all.
  const touched: number[] = [];
  const misconceptionEvidence: Evidence[][] = spec.misconceptions.map(() => []);
  const work = { states: 0, limit: MAX_MATCH_STATES };
  for (const m of findMatches(analyzed, compiled.lexicon, compiled.patterns, work)) {
    const target = compiled.targets[m.pattern];
    const pattern = compiled.patterns.patterns[m.pattern];
    if (!target || !pattern) continue;
    const evidence: Evidence = {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      sentence: m.sentence,
      pattern: pattern.source,
      via: VIAS[m.via] ?? 'fuzzy',
      similarity: m.similarity,
      negated: m.negated,
    };
    if (target.kind === 'misconception') {
      misconceptionEvidence[target.index]?.push(evidence);
      continue;
    }
    let own = found[target.index];
    if (!own) {
      own = { match: [], partial: [] };
      found[target.index] = own;
      touched.push(target.index);
    }
    own[target.kind].push(evidence);
  }

  // Only concepts with evidence get a status here; scoreRubric reads the others as missing.
  const statuses: ScoreInput['concepts'] = new Array(spec.concepts.length);
  // The keyword-list test reads every mention, negated ones too: negating a term must not hide a list.
  const mentions: Evidence[] = [];
  // In the order patterns found them: each concept's status is its own, and the keyword-list test sorts the mentions.
  for (const i of touched) {
    const own = found[i] as ConceptEvidence;
    const concept = spec.concepts[i] as Rubric['concepts'][number];
    statuses[i] = conceptStatus(
      { match: widest(own.match), partial: widest(own.partial) },
      concept.negation ?? spec.negation,
    );
    mentions.push(...own.match, ...own.partial);
  }
  flags.push(...detectFlags(spec, analyzed, touched.length, mentions));
  const penalize = spec.scoring.keywordList === 'penalize' && flags.includes('keyword-list');
  const scored = scoreRubric(spec, {
    concepts: statuses,
    misconceptions: misconceptionEvidence.map(widest),
    ...(penalize ? { factor: 0.5 } : {}),
  });
  const feedback = buildFeedback(spec, scored);

  return {
    rubric: {
      id: spec.id,
      title: spec.title,
      ...(spec.version !== undefined ? { version: spec.version } : {}),
      ...(spec.question !== undefined ? { question: spec.question } : {}),
    },
    answer,
    score: scored.score,
    maxScore: scored.maxScore,
    ratio: scored.ratio,
    band: scored.band,
    passed: scored.passed,
    rawScore: scored.rawScore,
    concepts: scored.concepts,
    groups: scored.groups,
    misconceptions: scored.misconceptions,
    feedback,
    flags,
    meta: {
      rubricate: VERSION,
      model: MODEL,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    },
  };
}
