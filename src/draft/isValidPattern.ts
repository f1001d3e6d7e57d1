import { parsePattern } from '../match/parsePattern.js';
import { MAX_PATTERN_LENGTH } from '../rubric/schema.js';

/** True when `pattern` follows the pattern syntax and fits the rubric format's length, so a drafted rubric never fails to parse. */
export function isValidPattern(pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) return false;
  try {
    parsePattern(pattern);
    return true;
  } catch {
    return false;
  }
}
