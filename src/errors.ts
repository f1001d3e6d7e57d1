/** One problem found in a rubric: where (`concepts[2].match[0]`) and what was expected. */
export interface RubricIssue {
  path: string;
  message: string;
}

/** Render an issue as `file: path: message`, leaving out the parts that are empty. */
export function formatIssue(issue: RubricIssue, filename?: string): string {
  return [filename, issue.path, issue.message].filter(Boolean).join(': ');
}

/** A rubric that is not valid: every issue with its path, and the file it came from. */
export class RubricError extends Error {
  override name = 'RubricError';
  constructor(
    readonly issues: RubricIssue[],
    readonly filename?: string,
  ) {
    super(issues.map((issue) => formatIssue(issue, filename)).join('\n'));
  }
}

/** What was wrong with an input other than a rubric (an answer, a batch row, an option). */
export type InputErrorCode =
  | 'answer-too-long'
  | 'not-a-string'
  | 'unknown-rubric'
  | 'unreadable'
  | 'bad-option'
  | 'no-content'
  | 'too-complex';

/** An input that cannot be graded, with a code to switch on and a message to show. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Make `instanceof target` true for an error made by any copy of this module, not only this one: each CommonJS entry
 * of the package (index.cjs, node.cjs, rubrics.cjs) is built on its own and carries its own copy of the class, and an
 * app that both imports and requires the package loads two. The copies share a brand on their prototypes, registered
 * under `Symbol.for`. A subclass keeps ordinary `instanceof`.
 */
function brandAcrossCopies(target: typeof RubricError | typeof InputError, name: string): void {
  // The name is passed, not read from the class: a consumer's minifier may rename classes.
  const brand = Symbol.for(`rubricate.${name}`);
  Object.defineProperty(target.prototype, brand, { value: true });
  Object.defineProperty(target, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      if (this !== target) return Function.prototype[Symbol.hasInstance].call(this, value);
      return typeof value === 'object' && value !== null && brand in value;
    },
  });
}

brandAcrossCopies(RubricError, 'RubricError');
brandAcrossCopies(InputError, 'InputError');
