import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { RubricInput } from '../rubric/schema.js';

/** Review notes to render as comments: the whole draft's, and one per concept and misconception, in order. */
export interface DraftNotes {
  header: string[];
  concepts: string[];
  misconceptions: string[];
}

/** Render a drafted rubric as YAML, patterns on one line, with `# review:` comments above what the author should check. */
export function renderDraftYaml(rubric: RubricInput, notes: DraftNotes): string {
  const doc = new Document(rubric);
  doc.commentBefore = notes.header.map((line) => ` ${line}`).join('\n');
  const annotate = (key: 'concepts' | 'misconceptions', lines: string[]) => {
    const list = doc.get(key, true) as YAMLSeq<YAMLMap> | undefined;
    list?.items.forEach((entry, i) => {
      if (lines[i]) entry.commentBefore = ` review: ${lines[i]}`;
      const patterns = entry.get('match', true) as YAMLSeq | undefined;
      if (patterns) patterns.flow = true;
    });
  };
  annotate('concepts', notes.concepts);
  annotate('misconceptions', notes.misconceptions);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
