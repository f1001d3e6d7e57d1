import type { RubricIssue } from '../errors.js';
import { PatternSyntaxError, parsePattern } from '../match/parsePattern.js';
import type { Rubric } from './schema.js';

/** Checks the schema cannot express: unique ids, group members, ordered thresholds, pattern syntax. */
export function checkSemantics(rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first) issues.push({ path, message: `duplicate id "${id}" (first used at ${first})` });
    else seen.set(id, path);
  };
  const patterns = (list: readonly string[] | undefined, path: string) => {
    list?.forEach((source, i) => {
      try {
        parsePattern(source);
      } catch (error) {
        if (!(error instanceof PatternSyntaxError)) throw error;
        issues.push({ path: `${path}[${i}]`, message: error.message });
      }
    });
  };

  const concepts = new Set<string>();
  rubric.concepts.forEach((concept, i) => {
    claim(concept.id, `concepts[${i}].id`);
    concepts.add(concept.id);
    patterns(concept.match, `concepts[${i}].match`);
    patterns(concept.partial, `concepts[${i}].partial`);
    if (concept.partialPoints !== undefined && concept.partialPoints > concept.points) {
      issues.push({
        path: `concepts[${i}].partialPoints`,
        message: `partialPoints ${concept.partialPoints} is more than the concept's ${concept.points} points`,
      });
    }
  });

  const grouped = new Map<string, string>();
  rubric.groups.forEach((group, i) => {
    claim(group.id, `groups[${i}].id`);
    const members = new Set<string>();
    group.of.forEach((member, j) => {
      const path = `groups[${i}].of[${j}]`;
      if (!concepts.has(member)) issues.push({ path, message: `unknown concept "${member}"` });
      else if (members.has(member)) issues.push({ path, message: `"${member}" is listed twice` });
      else if (grouped.has(member)) {
        issues.push({ path, message: `concept "${member}" is already in group "${grouped.get(member)}"` });
      }
      members.add(member);
      grouped.set(member, grouped.get(member) ?? group.id);
    });
    if (group.need > group.of.length) {
      issues.push({
        path: `groups[${i}].need`,
        message: `need ${group.need} is more than the ${group.of.length} members`,
      });
    }
  });

  rubric.misconceptions.forEach((misconception, i) => {
    claim(misconception.id, `misconceptions[${i}].id`);
    patterns(misconception.match, `misconceptions[${i}].match`);
  });

  const scale = rubric.scoring.scale ?? [];
  scale.forEach((step, i) => {
    const previous = scale[i - 1];
    if (previous && (step.min >= previous.min || step.score > previous.score)) {
      issues.push({
        path: `scoring.scale[${i}]`,
        message: 'steps must be ordered by descending min, with scores that do not increase',
      });
    }
  });
  const { strong, adequate, weak } = rubric.scoring.bands;
  if (!(strong >= adequate && adequate >= weak)) {
    issues.push({ path: 'scoring.bands', message: 'expected strong ≥ adequate ≥ weak' });
  }

  rubric.examples.forEach((example, i) => {
    example.concepts?.forEach((id, j) => {
      if (!concepts.has(id))
        issues.push({ path: `examples[${i}].concepts[${j}]`, message: `unknown concept "${id}"` });
    });
  });
  return issues;
}
