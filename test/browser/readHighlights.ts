import type { Page } from 'playwright-core';

/** A maximal run of text inside the marks of one owner: a concept id, or `misconception:<id>`. */
export interface Highlight {
  owner: string;
  status: string;
  /** Offsets into the container's text, which is the answer. */
  start: number;
  end: number;
  text: string;
}

/**
 * Reads the highlighted runs of the answer shown in `selector`, from the DOM as the browser built it: walks
 * the text nodes, and for each `<mark data-concept|data-misconception data-status>` around them extends or
 * starts that owner's run. Nested marks (overlapping evidence) count for every owner.
 */
export function readHighlights(page: Page, selector: string): Promise<Highlight[]> {
  return page.$eval(selector, (root) => {
    const runs: Highlight[] = [];
    const open = new Map<string, Highlight>();
    let offset = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const owners = new Map<string, string>();
      for (let parent = node.parentElement; parent && parent !== root; parent = parent.parentElement) {
        if (parent.tagName !== 'MARK') continue;
        const { concept, misconception, status = '' } = parent.dataset;
        owners.set(concept ?? `misconception:${misconception}`, status);
      }
      for (const owner of open.keys()) if (!owners.has(owner)) open.delete(owner);
      for (const [owner, status] of owners) {
        const run = open.get(owner);
        if (run) {
          run.end += text.length;
          run.text += text;
        } else {
          const started = { owner, status, start: offset, end: offset + text.length, text };
          runs.push(started);
          open.set(owner, started);
        }
      }
      offset += text.length;
    }
    return runs;
  });
}
