import { headingPatterns } from './headingPatterns.js';
import { isValidPattern } from './isValidPattern.js';
import { keyPhrases } from './keyPhrases.js';
import { phrasePatterns, restatesQuestion } from './phrasePatterns.js';
import type { AnswerPart } from './splitAnswer.js';
import type { DraftedConcept } from './types.js';

const MAX_ITEM_PHRASES = 4;
const MAX_HINTS = 6;
const MAX_FEEDBACK = 160;

/** The first sentence of a text (which has a letter or digit: "! Never …" is one sentence), on one line and cut to `MAX_FEEDBACK` characters. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // From the first letter or digit, so that a leading "!" is not a sentence; one lazy scan, linear in the text.
  const from = Math.max(flat.search(/[\p{L}\p{N}]/u), 0);
  const sentence =
    flat.slice(0, from) + (/^.*?[.!?](?=\s|$)/.exec(flat.slice(from))?.[0] ?? flat.slice(from));
  return sentence.length > MAX_FEEDBACK ? `${sentence.slice(0, MAX_FEEDBACK - 1).trimEnd()}…` : sentence;
}

/**
 * One concept per list item. An item with a heading ("Deployment Frequency: …") is credited by the heading's
 * patterns, and its other key phrases are listed for the author to consider; an item without one is credited
 * by any of its first key phrases.
 * @example draftItemConcepts([{ kind: 'item', heading: 'Lead time', body: '' }], new Set())[0].concept.match // ['lead time']
 */
export function draftItemConcepts(
  items: readonly AnswerPart[],
  question: ReadonlySet<string>,
): DraftedConcept[] {
  const drafted: DraftedConcept[] = [];
  for (const item of items) {
    const phrases = keyPhrases(item.body, question).filter(
      (p) => !restatesQuestion(p) && p.negation === undefined,
    );
    const fromHeading =
      item.heading === undefined ? [] : headingPatterns(item.heading, question).filter(isValidPattern);
    const body = firstSentence(item.body);
    if (item.heading !== undefined && fromHeading.length > 0) {
      const hints = phrases.slice(0, MAX_HINTS).map((p) => p.text.toLowerCase());
      drafted.push({
        concept: {
          id: '',
          label: item.heading,
          match: fromHeading,
          feedback: {
            missing: body === '' ? `Mention ${item.heading}.` : `Mention ${item.heading}: ${body}`,
          },
        },
        review: [
          `from the list item "${item.heading}"`,
          ...(fromHeading.length > 1 ? ['any one pattern credits it'] : []),
          ...(hints.length > 0 ? [`other words in it: ${hints.join(', ')}`] : []),
        ].join('; '),
      });
      continue;
    }
    const chosen = phrases.slice(0, MAX_ITEM_PHRASES);
    const match = [...new Set(chosen.map((p) => phrasePatterns(p).match[0] as string))].filter(
      isValidPattern,
    );
    if (match.length === 0) continue;
    const label = (item.heading ?? body).replace(/[.!?:]$/, '');
    drafted.push({
      concept: { id: '', label, match, feedback: { missing: `Mention ${label}.` } },
      review: `from the list item "${body}"${match.length > 1 ? '; any one pattern credits it — keep only those that name the idea' : ''}`,
    });
  }
  return drafted;
}
