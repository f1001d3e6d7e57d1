// Escape sequences (CSI, OSC), C0/C1 control characters other than tab and newline, and the bidirectional
// embeddings, overrides and isolates that would make a terminal show the rest of a line in another order.
const CONTROL = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?',
    '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]',
  ].join('|'),
  'g',
);

/**
 * Remove terminal control sequences and bidirectional overrides from text that came from an answer or a rubric,
 * keeping tabs and newlines.
 */
export function sanitizeTerminal(text: string): string {
  return text.replace(CONTROL, '');
}
