/**
 * The file name of a batch row's HTML report: its input line (unique, so pages never collide) and its id
 * with anything but letters, digits, `.`, `_` and `-` replaced, cut to 60 characters (`12-a_1.html`).
 */
export function htmlPageName(line: number, id: string | null): string {
  const safe = (id ?? '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return safe === '' ? `${line}.html` : `${line}-${safe}.html`;
}
