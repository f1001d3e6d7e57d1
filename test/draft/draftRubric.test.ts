import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DraftOptions, draftRubric } from '../../src/draft/draftRubric.js';
import { InputError } from '../../src/errors.js';
import { grade } from '../../src/grade.js';
import { parseRubric } from '../../src/rubric/parseRubric.js';
import { SEED_Q6, SEED_Q9 } from '../fixtures/seedAnswers.js';

const seedFile = new URL('../../../shared/seed/devops-interview-answers.txt', import.meta.url);

describe('draftRubric on the seed', () => {
  it.skipIf(!existsSync(seedFile))('uses fixtures identical to the seed answers', () => {
    const seed = readFileSync(seedFile, 'utf8');
    for (const { question, answer } of [SEED_Q6, SEED_Q9]) expect(seed).toContain(`${question}\n${answer}`);
  });

  it('drafts one concept per KPI from question 6, credited by the KPI names', () => {
    const { rubric } = draftRubric(SEED_Q6.answer, { question: SEED_Q6.question, id: 'seed/kpis' });
    expect(rubric.concepts.map((c) => [c.id, c.label, c.match])).toEqual([
      ['deployment-frequency', 'Deployment Frequency', ['deployment frequency']],
      ['lead-time-for-changes', 'Lead Time for Changes', ['lead time for changes']],
      ['mean-time-to-recovery-mttr', 'Mean Time to Recovery (MTTR)', ['mean time to recovery']],
    ]);
  });

  it('grades the seed answer to question 6 as fully covered by its own draft', () => {
    const { rubric } = draftRubric(SEED_Q6.answer, { question: SEED_Q6.question });
    const report = grade(rubric, SEED_Q6.answer);
    expect(report.concepts.map((c) => c.status)).toEqual(['met', 'met', 'met']);
    expect(report.ratio).toBe(1);
  });

  it('credits an answer that only names MTTR through the derived acronym', () => {
    const { rubric } = draftRubric(SEED_Q6.answer, { question: SEED_Q6.question });
    const report = grade(rubric, 'We watch deployment frequency and MTTR.');
    expect(report.concepts.map((c) => c.status)).toEqual(['met', 'missing', 'met']);
  });

  it('drafts the six environments of question 9, leaving the question word "environment" out', () => {
    const { rubric } = draftRubric(SEED_Q9.answer, { question: SEED_Q9.question });
    expect(rubric.concepts.map((c) => [c.label, c.match])).toEqual([
      ['Development Environment', ['development']],
      ['Integration/Testing Environment', ['(integration|testing)']],
      ['Staging Environment', ['staging']],
      ['Production Environment', ['production']],
      ['Disaster Recovery Environment', ['disaster recovery']],
      ['Performance Testing Environment', ['performance testing']],
    ]);
    expect(grade(rubric, SEED_Q9.answer).ratio).toBe(1);
    expect(grade(rubric, 'Staging, production and a DR site.').concepts.map((c) => c.status)).toEqual([
      'missing',
      'missing',
      'met',
      'met',
      'met',
      'missing',
    ]);
  });

  it('lists the introduction and summary it left out in the YAML header', () => {
    const { yaml } = draftRubric(SEED_Q9.answer, { question: SEED_Q9.question });
    expect(yaml).toContain(
      '# - left out, not a list item: "We maintain multiple environments to support the development lifecycle:"\n',
    );
    expect(yaml).toContain('# - left out, not a list item: "Total Environments Maintained: Six');
  });
});

describe('draftRubric on lists', () => {
  it('drafts a concept per bullet, per numbered line and per short title line', () => {
    const bullets = draftRubric('● Blue-green: two identical stacks\n● Canary: a small share of users first');
    expect(bullets.rubric.concepts.map((c) => c.id)).toEqual(['blue-green', 'canary']);
    const numbered = draftRubric('1) Deployment frequency\n2) Lead time for changes\n3) MTTR');
    expect(numbered.rubric.concepts.map((c) => [c.id, c.match])).toEqual([
      ['deployment-frequency', ['deployment frequency']],
      ['lead-time-for-changes', ['lead time for changes']],
      ['mttr', ['mttr']],
    ]);
  });

  it('gives full marks to its own list whose headings have quotes or brackets, with a one-word gap where they break a phrase', () => {
    const answer =
      '1. "Shift left" testing: run tests early.\n2. [Blameless] postmortems: learn from failures.';
    const { rubric } = draftRubric(answer);
    expect(rubric.concepts.map((c) => c.match)).toEqual([
      ['shift left ..1 testing'],
      ['blameless ..1 postmortems'],
    ]);
    const report = grade(rubric, answer);
    expect(report.score).toBe(report.maxScore);
  });

  it('drafts an item that starts with punctuation, and drops a heading pattern too long for the rubric format', () => {
    const exclaimed = draftRubric('- ! Never commit secrets to the repository.\n- Rotate keys often.').rubric;
    expect(exclaimed.concepts.map((c) => c.label)).toEqual([
      '! Never commit secrets to the repository',
      'Rotate keys often',
    ]);
    const long = draftRubric(`- https://example.com/${'x'.repeat(1100)}\n- Docs`).rubric;
    expect(long.concepts.map((c) => c.match)).toEqual([['docs']]);
  });

  it('says "any one pattern credits it" only above an item drafted with several patterns', () => {
    const yaml = draftRubric('- Encryption.\n- Terminals are separated.').yaml;
    expect(yaml).toContain('  # review: from the list item "Encryption."\n');
    expect(yaml).toContain(
      '  # review: from the list item "Terminals are separated."; any one pattern credits it — keep only those that name the idea\n',
    );
  });

  it('credits a heading "A and B" by either part, and adds a short aside in parentheses unless it is a derived acronym', () => {
    const { rubric } = draftRubric(
      '- Monitoring and Logging: dashboards\n- Secrets Management (Vault): rotation',
    );
    expect(rubric.concepts.map((c) => c.match)).toEqual([
      ['monitoring', 'logging'],
      ['secrets management', 'vault'],
    ]);
  });

  it('credits an item without a heading by its first key phrases and lists the rest for review', () => {
    const { rubric, yaml } = draftRubric(
      '- Use Ansible for maintenance tasks and patching.\n- Optimize queries and indexes: slow logs',
    );
    expect(rubric.concepts[0]?.match).toEqual(['ansible', 'maintenance tasks', 'patching']);
    expect(yaml).toContain('other words in it: slow logs');
  });
});

describe('draftRubric on prose', () => {
  const question = 'What does the layering tell you about the density of the oil compared to the corn syrup?';

  it('drafts a concept per key phrase and leaves out the words of the question', () => {
    const { rubric } = draftRubric('Oil is less dense than corn syrup.', { question });
    expect(rubric.concepts.map((c) => [c.label, c.match])).toEqual([
      ['less dense', ['less dense', "(not|no|never|n't|without) ..5 more dense"]],
    ]);
    expect(grade(rubric, 'The oil is less dense.').ratio).toBe(1);
    expect(grade(rubric, 'The oil floats on the syrup.').ratio).toBe(0);
  });

  it('drafts the opposite statement as a misconception that deducts a point', () => {
    const { rubric } = draftRubric('Oil is less dense than corn syrup.', { question });
    expect(rubric.misconceptions).toEqual([
      expect.objectContaining({ label: 'Contradicts "less dense"', match: ['more dense'], penalty: 1 }),
    ]);
    const report = grade(rubric, 'Oil is more dense than corn syrup.');
    expect(report.misconceptions[0]?.evidence[0]?.text).toBe('more dense');
  });

  it('does not draft an opposite the model answer itself states', () => {
    const { rubric } = draftRubric(
      'The sand particles are larger and settle first. The flour particles are smaller.',
    );
    expect(rubric.misconceptions ?? []).toEqual([]);
  });

  it('needs the negation of a phrase the model answer negates, and counts its opposite as the same idea', () => {
    const { rubric } = draftRubric('The terminals are not connected.', {
      question: 'What do the terminals show?',
    });
    expect(rubric.concepts.map((c) => c.match)).toEqual([
      [
        "(not|no|never|n't|without) ..5 (connected|attached|linked|joined|hooked)",
        '(separated|disconnected)',
      ],
    ]);
    expect(grade(rubric, "They aren't connected.").concepts[0]?.status).toBe('met');
    expect(grade(rubric, 'They are separated by a gap.').concepts[0]?.status).toBe('met');
    expect(grade(rubric, 'They are connected.').ratio).toBe(0);
  });

  it('does not read a negation the model answer itself uses as cancelling a concept, so the answer earns full marks', () => {
    const model = 'Terminals 1, 2 and 3 are not separated from the negative battery terminal by a gap.';
    const { rubric, yaml } = draftRubric(model, { question: 'Why is the voltage 0?' });
    expect(rubric.concepts.filter((c) => c.negation === 'ignore').map((c) => c.id)).toEqual([
      'terminals-1',
      '2',
      '3',
      'negative-battery-terminal',
      'gap',
    ]);
    expect(rubric.concepts.find((c) => c.id === 'not-separated')?.negation).toBeUndefined();
    expect(grade(rubric, model).ratio).toBe(1);
    expect(
      grade(rubric, 'Terminal 2 is not separated from the negative terminal of the battery.').concepts.map(
        (c) => c.status,
      ),
    ).not.toContain('negated');
    expect(yaml).toContain(
      'the model answer says it inside a negation, so a negation does not cancel it (negation: ignore)',
    );
  });

  it("matches a negated phrase with the model answer's own cue and as many words between as it has", () => {
    const model = 'If bulb A burns out, neither B nor C is in a closed path.';
    const { rubric } = draftRubric(model);
    expect(rubric.concepts.map((c) => c.match[0])).toContain("(not|no|never|n't|without|neither) ..5 b");
    expect(grade(rubric, model).ratio).toBe(1);
    const wide = draftRubric('There is no way at all in order to make a gap.').rubric;
    expect(wide.concepts.map((c) => c.match[0])).toContain(
      "(not|no|never|n't|without) ..8 (gap|break|opening)",
    );
    expect(grade(wide, 'There is no way at all in order to make a gap.').ratio).toBe(1);
  });

  it('writes a pattern word as the answer has it, with its @, + or : ("@oncall", "+5", "10:30")', () => {
    const model = 'Page @oncall when latency rises above +5% at 10:30.';
    const { rubric } = draftRubric(model);
    expect(rubric.concepts.map((c) => c.match[0])).toEqual(['page @oncall', 'latency rises', '+5', '10:30']);
    expect(grade(rubric, model).ratio).toBe(1);
  });

  it("keeps @, a sign, & and : where the answer's tokens keep them in a list item's heading too", () => {
    const model = '- Page @oncall: always\n- Deploy at 10:30 daily\n- Call AT&T support\n- Add +5 nodes';
    const { rubric } = draftRubric(model);
    expect(rubric.concepts.map((c) => c.match[0])).toEqual([
      'page @oncall',
      'deploy at 10:30 daily',
      'call at&t support',
      'add +5 nodes',
    ]);
    expect(grade(rubric, model).ratio).toBe(1);
  });

  it('makes a phrase stating a relation required in a short answer, so an answer without it fails', () => {
    const { rubric } = draftRubric('Terminal 1 and the positive terminal are separated by the gap.', {
      question: 'Explain why you got a voltage reading of 1.5 for terminal 1 and the positive terminal.',
    });
    expect(rubric.concepts.map((c) => [c.label, c.required ?? false])).toEqual([
      ['separated', true],
      ['gap', false],
    ]);
    const report = grade(rubric, 'There is a gap between them.');
    expect(report.passed).toBe(false);
  });

  it('does not require a relation among three or more concepts, where it is one point of several', () => {
    const { rubric, yaml } = draftRubric('Bulbs A and C are in different paths with the battery.');
    expect(rubric.concepts.map((c) => c.label)).toEqual(['Bulbs A', 'C', 'different paths', 'battery']);
    expect(rubric.concepts.filter((c) => c.required)).toEqual([]);
    expect(yaml).toContain('states a relation, not required: one of 4 concepts');
    const report = grade(rubric, 'Bulbs A and C are each connected to the battery.');
    expect(report.concepts.map((c) => c.status)).toEqual(['met', 'met', 'missing', 'met']);
  });

  it('gives the concepts of the first sentence 2 points when later sentences add more', () => {
    const { rubric, yaml } = draftRubric('The water evaporated. The salt stayed in the dish.', {
      question: 'How did you separate the salt from the water?',
    });
    expect(rubric.concepts.map((c) => [c.label, c.points ?? 1])).toEqual([
      ['evaporated', 2],
      ['stayed', 1],
      ['dish', 1],
    ]);
    expect(yaml).toContain('2 points: from the first sentence, which states the answer');
    expect(grade(rubric, 'The water evaporates.').ratio).toBe(0.5);
    const oneSentence = draftRubric('Oil is less dense than corn syrup.').rubric;
    expect(oneSentence.concepts.map((c) => c.points)).toEqual([undefined, undefined, undefined]);
  });

  it('drafts no concept from a fixed expression such as "in order to" or "at least"', () => {
    const { rubric } = draftRubric(
      'Diva needs the pure sugar result in order to decide. At least one tool scratches each mineral.',
    );
    const labels = rubric.concepts.map((c) => c.label.toLowerCase());
    expect(labels).not.toContain('order');
    expect(labels).not.toContain('least');
  });

  it('credits "same closed path" for "same path", allowing a word between a modifier and its noun', () => {
    const { rubric } = draftRubric('When the switch and the bulb are contained in the same path.', {
      question: 'Under what circumstances will a switch affect a bulb?',
    });
    expect(rubric.concepts.map((c) => c.match[0])).toEqual([
      'contained',
      '(same|identical|equal) ..2 (path|pathway)',
    ]);
    expect(grade(rubric, 'if it is in the same closed path').concepts[1]?.status).toBe('met');
  });

  it('credits a modifier said after its noun ("the circuit will be completed" for "a complete circuit")', () => {
    const { rubric } = draftRubric('There is a complete circuit connecting the motor to the battery.', {
      question: 'Why will the motor run?',
    });
    const status = (answer: string) => grade(rubric, answer).concepts[0]?.status;
    expect(status("The motor's circuit will be completed.")).toBe('met');
    expect(status('The circuit is not incomplete.')).toBe('met');
    expect(status('The circuit is not complete.')).toBe('negated');
    const report = grade(rubric, 'The circuit is incomplete.');
    expect(report.misconceptions.filter((m) => m.triggered).map((m) => m.id)).toEqual([
      `contradicts-${rubric.concepts[0]?.id}`,
    ]);
  });

  it('gives a concept naming only a letter or number a quarter of its points, so "they" for "A and C" still passes', () => {
    const { rubric, yaml } = draftRubric('A and C are in different paths.', {
      question: 'Explain your reasoning.',
    });
    expect(rubric.concepts.map((c) => [c.match[0], c.points ?? 1])).toEqual([
      ['=A', 0.25],
      ['c', 0.25],
      ['(different|separate|distinct) ..2 (paths|pathways)', 1],
    ]);
    expect(grade(rubric, 'They are on separate pathways.').ratio).toBe(0.6667);
    expect(grade(rubric, 'Bulbs A and C are in different paths.').ratio).toBe(1);
    expect(yaml).toContain('0.25 points: names only an identifier');
  });

  it('credits what the scene of a question states, leaving out only the words of the sentences that ask', () => {
    const { rubric } = draftRubric('A reaction was indicated by the bubbles of gas being produced.', {
      question:
        'Grace covered eggshells with vinegar. After a while, small bubbles appeared. Explain why Grace thinks she made a reaction.',
    });
    expect(rubric.concepts.map((c) => c.label)).toContain('bubbles');
    expect(rubric.concepts.map((c) => c.label)).not.toContain('reaction');
    expect(grade(rubric, 'She made a reaction because bubbles appeared.').ratio).toBeGreaterThan(0);
    expect(
      grade(rubric, 'She made a reaction because bubbles appeared.').concepts.find(
        (c) => c.label === 'bubbles',
      )?.status,
    ).toBe('met');
  });

  it('keeps a verb and its particle two pattern words, so "burn out" credits "burned out"', () => {
    const { rubric } = draftRubric('The bulb will burn out.', { question: 'What happens to the bulb?' });
    expect(rubric.concepts.map((c) => c.match)).toEqual([['burn out']]);
    expect(grade(rubric, 'It burned out.').ratio).toBe(1);
  });

  it('finds a negation up to five words before the phrase it negates', () => {
    const { rubric } = draftRubric('The circuit is not complete.');
    const report = grade(rubric, 'It does not have the wire to make a complete circuit.');
    expect(report.concepts.find((c) => c.label === 'not complete')?.status).toBe('met');
  });

  it('falls back to the question words when the answer only restates the question', () => {
    const { rubric } = draftRubric('The motor will run.', {
      question: 'What will happen to the motor? Will it run?',
    });
    expect(rubric.concepts.map((c) => c.label)).toEqual(['motor', 'run']);
  });
});

describe('draftRubric output', () => {
  it('returns YAML that parseRubric reads back to the same rubric', () => {
    for (const { question, answer } of [SEED_Q6, SEED_Q9]) {
      const { rubric, yaml } = draftRubric(answer, { question, id: 'seed/q' });
      expect(parseRubric(yaml, { filename: 'draft.yaml' })).toEqual(parseRubric(rubric));
    }
    const prose = draftRubric('There is no gap, so the terminals are in the same electrical state.');
    expect(parseRubric(prose.yaml)).toEqual(parseRubric(prose.rubric));
  });

  it('comments what to review above the rubric and above each concept', () => {
    const { yaml } = draftRubric('Oil is less dense than corn syrup.', { id: 'density/oil', title: 'Oil' });
    expect(
      yaml.startsWith('# Drafted by rubricate from a model answer. Review it before grading with it:\n'),
    ).toBe(true);
    expect(yaml).toContain('id: density/oil\ntitle: Oil\n');
    expect(yaml).toContain('  # review: from "Oil is less dense than corn syrup."\n  - id: less-dense\n');
  });

  it('warns when a model answer restating the question drafts one concept of one word, and names the words left out', () => {
    const { rubric, yaml } = draftRubric(
      'Voltage is the difference in electrical states between two terminals',
      {
        question:
          'What is the relationship between the voltage reading between two terminals and their electrical states?',
      },
    );
    expect(rubric.concepts.map((c) => c.match)).toEqual([['difference']]);
    expect(yaml).toContain(
      '# - one concept of one word: an answer that says "difference" anywhere earns full marks.\n' +
        '#   The words the model answer shares with the question are left out of the patterns (Voltage, electrical, states, two, terminals):\n',
    );
    const lettered = draftRubric('A is in the path with B and C', {
      question: 'Why do both bulbs B and C go out when bulb A is burned out?',
    }).yaml;
    expect(lettered).toContain('says "path" or "pathway" anywhere');
    expect(lettered).toContain('left out of the patterns (A, B, C)');
  });

  it('does not warn about a one-word model answer, one that only restates the question, or a draft of several concepts', () => {
    const question = 'What process do plants use to make food from light?';
    expect(draftRubric('Photosynthesis', { question }).yaml).not.toContain('one concept of one word');
    const restated = draftRubric('The sun.', { question: 'Which is larger, the sun or the moon?' });
    expect(restated.rubric.concepts.map((c) => c.match)).toEqual([['sun']]);
    expect(restated.yaml).not.toContain('one concept of one word');
    expect(
      draftRubric('Plants use photosynthesis to turn light into sugar.', { question }).yaml,
    ).not.toContain('one concept of one word');
  });

  it('is deterministic: the same answer and options give the same bytes', () => {
    const first = draftRubric(SEED_Q9.answer, { question: SEED_Q9.question });
    const second = draftRubric(SEED_Q9.answer, { question: SEED_Q9.question });
    expect(second.yaml).toBe(first.yaml);
    expect(second.rubric).toEqual(first.rubric);
  });

  it('names the rubric after the question unless a title is given', () => {
    expect(
      draftRubric('Gravity pulls it down.', { question: 'Why does the ball fall?' }).rubric,
    ).toMatchObject({
      id: 'draft',
      title: 'Why does the ball fall?',
      question: 'Why does the ball fall?',
    });
    expect(draftRubric('Gravity pulls it down.').rubric.title).toBe('Drafted rubric');
    expect(draftRubric('Gravity pulls it down.', { question: '   ' }).rubric).not.toHaveProperty('question');
  });
});

describe('draftRubric errors', () => {
  it('throws an InputError for an answer without content words', () => {
    expect(() => draftRubric('   ')).toThrowError(
      new InputError('no-content', 'rubricate: the model answer has no words to draft concepts from'),
    );
    expect(() => draftRubric('It is what it is.')).toThrowError(InputError);
  });

  it('throws an InputError for an id the rubric format does not accept', () => {
    expect(() => draftRubric('Gravity.', { id: 'bad id' })).toThrowError(
      'rubricate: id "bad id" must start with a letter or digit, hold only letters, digits, "/", "_" or "-", and have at most 200 characters',
    );
  });

  it('throws an InputError for options that are not an object, or a question, id or title that is not a string', () => {
    const bad: [unknown, string][] = [
      [null, 'rubricate: draft options must be an object, got null'],
      [{ question: 123 }, 'rubricate: question must be a string, got number'],
      [{ id: 7 }, 'rubricate: id must be a string, got number'],
      [{ title: ['x'] }, 'rubricate: title must be a string, got object'],
    ];
    for (const [options, message] of bad)
      expect(() => draftRubric('Gravity pulls it down.', options as DraftOptions)).toThrowError(
        new InputError('bad-option', message),
      );
  });

  it('throws an InputError for a model answer that is not a string', () => {
    expect(() => draftRubric(42 as unknown as string)).toThrowError(
      'rubricate: model answer must be a string, got number',
    );
  });
});
