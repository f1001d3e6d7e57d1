import type { Evidence, GradeReport } from 'rubricate';

/** Number of concept colours (`.k0` … `.k7`); later concepts reuse them in order. */
export const PALETTE_SIZE = 8;

/** A highlighted range of the answer and how to make the mark that wraps it. */
interface Span {
  start: number;
  end: number;
  order: number;
  mark: () => HTMLElement;
}

/** One owner's evidence as sorted ranges, merged where they touch or overlap. */
function spansOf(evidence: readonly Evidence[], order: number, mark: () => HTMLElement): Span[] {
  const spans: Span[] = [];
  for (const { start, end } of [...evidence].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = spans.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end, order, mark });
  }
  return spans;
}

function markElement(className: string, data: Record<string, string>, title: string): () => HTMLElement {
  return () => {
    const mark = document.createElement('mark');
    mark.className = className;
    Object.assign(mark.dataset, data);
    mark.title = title;
    return mark;
  };
}

/**
 * The answer with every concept's evidence (and every triggered misconception's) in a `<mark>` carrying
 * `data-concept` or `data-misconception`, `data-status` and a title; where spans overlap, each piece of text
 * nests one mark per span covering it, in rubric order. Built from text nodes only, so no markup gets in.
 */
export function highlightAnswer(report: GradeReport): DocumentFragment {
  const concepts = report.concepts.flatMap((concept, index) =>
    spansOf(
      concept.evidence,
      index,
      markElement(
        `hl k${index % PALETTE_SIZE}`,
        { concept: concept.id, status: concept.status },
        `${concept.label} (${concept.status})`,
      ),
    ),
  );
  const misconceptions = report.misconceptions
    .filter((item) => item.triggered)
    .flatMap((item, index) =>
      spansOf(
        item.evidence,
        report.concepts.length + index,
        markElement(
          'hl mis',
          { misconception: item.id, status: 'misconception' },
          `Misconception: ${item.label}`,
        ),
      ),
    );
  const spans = [...concepts, ...misconceptions];
  const cuts = [
    ...new Set([0, report.answer.length, ...spans.flatMap((span) => [span.start, span.end])]),
  ].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? start;
    const covering = spans
      .filter((span) => span.start <= start && span.end >= end)
      .sort((a, b) => b.order - a.order);
    let node: Node = document.createTextNode(report.answer.slice(start, end));
    for (const span of covering) {
      const mark = span.mark();
      mark.append(node);
      node = mark;
    }
    fragment.append(node);
  }
  return fragment;
}
