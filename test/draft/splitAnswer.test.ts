import { describe, expect, it } from 'vitest';
import { splitAnswer } from '../../src/draft/splitAnswer.js';

describe('splitAnswer', () => {
  it('keeps an answer without a list as one prose part', () => {
    expect(splitAnswer('We deploy daily.\nRollbacks are automated.')).toEqual([
      { kind: 'prose', body: 'We deploy daily.\nRollbacks are automated.' },
    ]);
    expect(splitAnswer('- only one bullet')).toEqual([{ kind: 'prose', body: 'only one bullet' }]);
    expect(splitAnswer(' \n\t\n')).toEqual([]);
  });

  it('splits bullets and numbered lines into items with their "Heading:" apart', () => {
    expect(
      splitAnswer('Intro:\n• Canary: small share first\n2) Rolling: node by node\n\nThat is all.'),
    ).toEqual([
      { kind: 'prose', body: 'Intro:' },
      { kind: 'item', heading: 'Canary', body: 'small share first' },
      { kind: 'item', heading: 'Rolling', body: 'node by node' },
      { kind: 'prose', body: 'That is all.' },
    ]);
  });

  it('keeps indented lines, and continuation lines before a blank line, with their item', () => {
    const answer =
      '\t● Monitoring:\n\t\tHealth checks every morning.\n\t● CI/CD: Jenkins pipelines,\n\twith rollback.';
    expect(splitAnswer(answer)).toEqual([
      { kind: 'item', heading: 'Monitoring', body: 'Health checks every morning.' },
      { kind: 'item', heading: 'CI/CD', body: 'Jenkins pipelines,\nwith rollback.' },
    ]);
  });

  it('reads a short line without a full stop as the title of its item', () => {
    expect(splitAnswer('1. Lead time for changes\n2. We restore service fast.')).toEqual([
      { kind: 'item', heading: 'Lead time for changes', body: '' },
      { kind: 'item', body: 'We restore service fast.' },
    ]);
  });

  it('ends the list at a less indented line or a section title', () => {
    expect(splitAnswer('\t- A: a\n\t- B: b\n\tMore tools:\n\t- C: c')).toEqual([
      { kind: 'item', heading: 'A', body: 'a' },
      { kind: 'item', heading: 'B', body: 'b' },
      { kind: 'prose', body: 'More tools:' },
      { kind: 'item', heading: 'C', body: 'c' },
    ]);
  });

  it('does not read a decimal number at the start of a line as a list number', () => {
    expect(splitAnswer('1.5 volts across the gap.\n2.0 volts across the battery.')).toHaveLength(1);
  });
});
