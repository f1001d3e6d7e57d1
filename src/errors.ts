/** One problem found in a rubric: where (`concepts[2].match[0]`) and what was expected. */
export interface RubricIssue {
  path: string;
  message: string;
}

/** Render an issue as `file: path: message`, leaving out the parts that are empty. */
export function formatIssue(issue: RubricIssue, filename?: string): string {
  return [filename, issue.path, issue.message].filter(Boolean).join(': ');
}

/**
 * Brands that make `instanceof` hold for an error made by any copy of this module: each CommonJS entry of the package
 * (index.cjs, node.cjs, rubrics.cjs) is built on its own with its own copy of the classes, and an app that both
 * imports and requires the package loads two. The copies share these symbols (`Symbol.for`), which each class reads
 * in `Symbol.hasInstance`; a subclass keeps ordinary `instanceof`. Written in the class bodies, not as statements
 * after them, so that bundlers still see this module as free of side effects.
 */
const RUBRIC_ERROR = Symbol.for('rubricate.RubricError');
const INPUT_ERROR = Symbol.for('rubricate.InputError');

/** Whether `value` carries `brand` when `type` is the branded class itself; ordinary `instanceof` for a subclass. */
function branded(type: unknown, base: unknown, brand: symbol, value: unknown): boolean {
  if (type !== base) return Function.prototype[Symbol.hasInstance].call(type, value);
  return typeof value === 'object' && value !== null && brand in value;
}

/** A rubric that is not valid: every issue with its path, and the file it came from. */
export class RubricError extends Error {
  /** An error made by any copy of rubricate is an instance. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof asks about, maybe a subclass.
    return branded(this, RubricError, RUBRIC_ERROR, value);
  }
  /** The brand, on the prototype: not an own property, so printing and serialising an error do not show it. */
  get [RUBRIC_ERROR](): true {
    return true;
  }
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
  /** An error made by any copy of rubricate is an instance. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof asks about, maybe a subclass.
    return branded(this, InputError, INPUT_ERROR, value);
  }
  /** The brand, on the prototype: not an own property, so printing and serialising an error do not show it. */
  get [INPUT_ERROR](): true {
    return true;
  }
  override name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
