import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { analyze } from '../../src/text/analyze.js';
import { joinsWords } from '../../src/text/joinsWords.js';

/** The full stops of a text, each with whether it joins the words around it. */
function stops(text: string): boolean[] {
  const { tokens } = analyze(text);
  return tokens.flatMap((t, i) => (t.text === '.' ? [joinsWords(tokens[i - 1], t, tokens[i + 1])] : []));
}

describe('joinsWords', () => {
  it('joins the parts of dotted names, and ends sentences everywhere else', () => {
    expect(stops('We use Node.js, ASP.NET and socket.io.')).toEqual([true, true, true, false]);
    expect(stops('The bulb is off. The switch is open.')).toEqual([false, false]);
    // A writer who leaves out the space after a full stop still starts a new sentence.
    expect(stops('The circuit is closed.The bulb lights.it works.')).toEqual([false, false, false]);
  });

  it('keeps a dotted name in one sentence', () => {
    const { tokens } = analyze('We deploy Node.js services daily. Then we test.');
    const sentenceOf = (word: string) => tokens.find((t) => t.text === word)?.sentence;
    expect([sentenceOf('Node'), sentenceOf('js'), sentenceOf('services')]).toEqual([0, 0, 0]);
    expect(sentenceOf('Then')).toBe(1);
  });

  it('lets a pattern with a dotted name credit the name as written in an answer', () => {
    const rubric = {
      id: 'stack',
      title: 'Stack',
      concepts: [
        { id: 'node', label: 'Node.js', match: ['Node.js'] },
        { id: 'dotnet', label: 'ASP.NET', match: ['ASP.NET'] },
      ],
    };
    const report = grade(rubric, 'Our services run on Node.js and ASP.NET.');
    expect(report.concepts.map((c) => [c.id, c.status, c.evidence[0]?.text])).toEqual([
      ['node', 'met', 'Node.js'],
      ['dotnet', 'met', 'ASP.NET'],
    ]);
  });
});
