import { parsePattern } from '../match/parsePattern.js';

/** True when `pattern` follows the pattern syntax, so a drafted rubric never fails to parse. */
export function isValidPattern(pattern: string): boolean {
  try {
    parsePattern(pattern);
    return true;
  } catch {
    return false;
  }
}
