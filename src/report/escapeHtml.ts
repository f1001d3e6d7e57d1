const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '` so any text is inert in HTML text and quoted-attribute positions. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * Escapes text written by a user (a label, an id, a feedback line) for HTML element content, inside `<bdi>`: a
 * right-to-left override in it cannot reorder the page's own text around it ("1 / 1 pts").
 */
export function isolateHtml(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}
