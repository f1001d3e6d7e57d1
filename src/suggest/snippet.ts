/**
 * The text around `start`–`end` on one line: up to `radius` characters each side, cut at a word boundary and
 * marked with "…" where cut.
 * @example snippet('We cut the blast radius of every deploy.', 11, 23, 8) // '…cut the blast radius of…'
 */
export function snippet(text: string, start: number, end: number, radius = 50): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) from = text.indexOf(' ', from) + 1 || start;
  if (from > start) from = start;
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
