import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { RubricError, type RubricIssue } from '../errors.js';
import { checkSemantics } from './checkSemantics.js';
import { formatPath } from './formatPath.js';
import { type Rubric, type RubricInput, RubricSchema } from './schema.js';

/** Options for parsing a rubric. */
export interface ParseRubricOptions {
  /** Shown in error messages; `.json` files are parsed as JSON, anything else as YAML. */
  filename?: string;
}

/** The outcome of `safeParseRubric`: the rubric, or the error that lists every issue. */
export type SafeParseRubricResult = { success: true; data: Rubric } | { success: false; error: RubricError };

/** Largest rubric file accepted, in characters. */
export const MAX_RUBRIC_LENGTH = 5_000_000;

function zodIssue(issue: z.core.$ZodIssue): RubricIssue {
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
    message = `required: expected ${issue.expected}`;
  }
  return { path: formatPath(issue.path), message };
}

function readText(input: string, filename: string | undefined): unknown {
  // A byte-order mark is no part of the rubric: YAML skips it, JSON.parse would not.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > MAX_RUBRIC_LENGTH) {
    throw new RubricError(
      [{ path: '', message: `file is larger than ${MAX_RUBRIC_LENGTH} characters` }],
      filename,
    );
  }
  if (filename?.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new RubricError([{ path: '', message: `invalid JSON: ${(error as Error).message}` }], filename);
    }
  }
  // Warnings (a collection used as a key) would go to the console; the schema rejects such keys anyway.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    throw new RubricError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          path: pos ? `line ${pos.line}, column ${pos.col}` : '',
          message: `invalid YAML: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
        };
      }),
      filename,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new RubricError([{ path: '', message: `invalid YAML: ${(error as Error).message}` }], filename);
  }
}

/**
 * Validate a rubric given as YAML/JSON text or as an object; fills in every default.
 * Throws a `RubricError` listing each problem with its path inside the file.
 * @example
 * const rubric = parseRubric(`
 * id: devops/kpis
 * title: DevOps KPIs
 * concepts:
 *   - { id: mttr, label: Mean time to recovery, match: [mean time to recovery] }
 * `);
 */
export function parseRubric(input: string | RubricInput | unknown, options: ParseRubricOptions = {}): Rubric {
  const { filename } = options;
  const data = typeof input === 'string' ? readText(input, filename) : input;
  const parsed = RubricSchema.safeParse(data);
  if (!parsed.success) throw new RubricError(parsed.error.issues.map(zodIssue), filename);
  const issues = checkSemantics(parsed.data);
  if (issues.length > 0) throw new RubricError(issues, filename);
  return parsed.data;
}

/** Like `parseRubric`, but returns `{success, data}` or `{success, error}` instead of throwing. */
export function safeParseRubric(
  input: string | RubricInput | unknown,
  options: ParseRubricOptions = {},
): SafeParseRubricResult {
  try {
    return { success: true, data: parseRubric(input, options) };
  } catch (error) {
    if (error instanceof RubricError) return { success: false, error };
    throw error;
  }
}
