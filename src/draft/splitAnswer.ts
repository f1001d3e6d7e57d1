/** One part of a model answer that becomes concepts: a list item, or the prose around and instead of a list. */
export interface AnswerPart {
  kind: 'item' | 'prose';
  /** For an item: its heading ("Deployment Frequency" in "1. Deployment Frequency: how often …"), if it has one. */
  heading?: string;
  /** The item's text after the heading (sub-items and continuation lines included), or the prose text. */
  body: string;
}

const MARKER = /^([●•◦▪‣∙·*+\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?=\S)/u;
const HEADING = /^([^:.!?;]{1,80}?):(?:\s+|$)(.*)$/su;
const MAX_HEADING_WORDS = 8;
const MAX_TITLE_WORDS = 5;
const TAB_WIDTH = 4;

interface Line {
  indent: number;
  marker: boolean;
  text: string;
}

function readLine(raw: string): Line {
  const lead = /^[\t ]*/.exec(raw)?.[0] ?? '';
  const indent = [...lead].reduce((width, ch) => (ch === '\t' ? width + TAB_WIDTH : width + 1), 0);
  const rest = raw.slice(lead.length).trimEnd();
  const marker = MARKER.exec(rest);
  return { indent, marker: marker !== null, text: marker ? rest.slice(marker[0].length) : rest };
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A line that names its item: a few words without a full stop ("Lead time for changes"), more when lines follow under it. */
function isTitle(line: string, hasBody: boolean): boolean {
  return !/[.!?]$/.test(line) && words(line) <= (hasBody ? MAX_HEADING_WORDS : MAX_TITLE_WORDS);
}

/** Split "Heading: body" when the part before the colon is short enough to name a concept. */
function splitHeading(text: string): { heading?: string; body: string } {
  const match = HEADING.exec(text);
  if (match && words(match[1] as string) <= MAX_HEADING_WORDS) {
    return { heading: (match[1] as string).trim(), body: (match[2] as string).trim() };
  }
  return { body: text };
}

/**
 * Split a model answer into the parts a rubric is drafted from. When two or more lines start with a bullet
 * (`●`, `-`, `*`, …) or a number (`1.`, `2)`), each such line with the lines indented under it or continuing it
 * (before a blank line) is an item; other lines (an introduction, a section title, a summary) are prose.
 * Without a list, the whole answer is one prose part.
 * @example splitAnswer('1. Lead time: commit to production.\n2. MTTR').map((p) => p.heading ?? p.body) // ['Lead time', 'MTTR']
 */
export function splitAnswer(answer: string): AnswerPart[] {
  const lines = answer.split(/\r\n|\r|\n/).map(readLine);
  if (lines.filter((line) => line.marker).length < 2) {
    const body = lines
      .map((line) => line.text)
      .filter(Boolean)
      .join('\n');
    return body === '' ? [] : [{ kind: 'prose', body }];
  }
  const parts: AnswerPart[] = [];
  let item: { indent: number; first: string; rest: string[]; blank: boolean } | undefined;
  let prose: string[] = [];
  const endItem = () => {
    if (!item) return;
    const { heading, body } = splitHeading(item.first);
    const text = [body, ...item.rest].filter(Boolean).join('\n');
    if (heading !== undefined) parts.push({ kind: 'item', heading, body: text });
    else if (isTitle(item.first, item.rest.length > 0))
      parts.push({ kind: 'item', heading: item.first, body: item.rest.join('\n') });
    else parts.push({ kind: 'item', body: text });
    item = undefined;
  };
  const endProse = () => {
    if (prose.length > 0) parts.push({ kind: 'prose', body: prose.join('\n') });
    prose = [];
  };
  for (const line of lines) {
    if (line.text === '') {
      // After a blank line, only a deeper-indented line still belongs to the item.
      if (item) item.blank = true;
    } else if (line.marker && !(item && line.indent > item.indent)) {
      endItem();
      endProse();
      item = { indent: line.indent, first: line.text, rest: [], blank: false };
    } else if (
      item &&
      (line.indent > item.indent || (line.indent === item.indent && !item.blank && !line.text.endsWith(':')))
    ) {
      item.rest.push(line.text);
    } else {
      endItem();
      prose.push(line.text);
    }
  }
  endItem();
  endProse();
  return parts;
}
