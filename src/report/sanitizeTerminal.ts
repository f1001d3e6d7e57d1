// Escape sequences (CSI, OSC) and C0/C1 control characters other than tab and newline.
const CONTROL = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?',
    '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]',
  ].join('|'),
  'g',
);

/** Remove terminal control sequences from text that came from an answer or a rubric, keeping tabs and newlines. */
export function sanitizeTerminal(text: string): string {
  return text.replace(CONTROL, '');
}
