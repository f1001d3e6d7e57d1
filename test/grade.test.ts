import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { grade } from '../src/grade.js';
import type { GradeReport } from '../src/report/types.js';
import { bundled, rubricOf } from './helpers.js';

const status = (report: GradeReport) => Object.fromEntries(report.concepts.map((c) => [c.id, c.status]));
const kpis = bundled('devops/kpis');

describe('grade with devops/kpis', () => {
  it('credits the three DORA metrics named in full', () => {
    const report = grade(
      kpis,
      'We track deployment frequency, lead time for changes and mean time to recovery.',
    );
    expect(status(report)).toEqual({
      'deployment-frequency': 'met',
      'lead-time': 'met',
      mttr: 'met',
      'change-failure-rate': 'missing',
    });
    expect([report.score, report.maxScore, report.band, report.passed]).toEqual([3, 3, 'strong', true]);
    expect(report.feedback).toEqual([]);
  });

  it('marks MTTR negated when the answer says it is not measured', () => {
    const report = grade(kpis, 'We deploy often but MTTR is not something we measure.');
    expect(status(report).mttr).toBe('negated');
    expect(report.concepts.find((c) => c.id === 'mttr')?.evidence[0]).toMatchObject({
      text: 'MTTR',
      negated: true,
    });
    expect(report.feedback[0]).toMatch(/negated/);
  });

  it('gives full score through a misspelling, a hyphenated compound and an acronym, pointing at the words', () => {
    const answer = 'Deployment frequncy, change-failure rate and MTTR';
    const report = grade(kpis, answer);
    expect(report.score).toBe(3);
    const evidence = Object.fromEntries(report.concepts.map((c) => [c.id, c.evidence[0]]));
    expect(evidence['deployment-frequency']).toMatchObject({
      start: 0,
      end: 19,
      text: 'Deployment frequncy',
      via: 'fuzzy',
    });
    expect(evidence['change-failure-rate']).toMatchObject({
      start: 21,
      end: 40,
      text: 'change-failure rate',
    });
    expect(evidence.mttr).toMatchObject({ start: 45, end: 49, text: 'MTTR' });
    expect(evidence['deployment-frequency']?.similarity).toBeLessThan(1);
    expect(report.flags).toContain('keyword-list');
  });

  it('gives 0 and credits nothing for tools that are not KPIs', () => {
    const report = grade(kpis, 'We use Docker, Kubernetes and Jenkins.');
    expect(report.score).toBe(0);
    expect(report.concepts.every((c) => c.status === 'missing')).toBe(true);
  });

  it('deducts a misconception but never below 0, and ignores a negated one', () => {
    expect(grade(kpis, 'The main KPI is lines of code written per developer.').score).toBe(0);
    const both = grade(
      kpis,
      'Deployment frequency, lead time and MTTR matter; we never count lines of code.',
    );
    expect(both.misconceptions[0]?.triggered).toBe(false);
    expect(both.score).toBe(3);
    expect(grade(kpis, 'Deployment frequency, lead time and MTTR, plus lines of code.').score).toBe(2);
  });
});

describe('matching', () => {
  it('matches lemma and stem forms', () => {
    const r = rubricOf({ deploy: ['automated deployment'] });
    expect(grade(r, 'We automated deployments last year.').concepts[0]?.evidence[0]?.via).toBe('lemma');
  });

  it("matches n't and don't in a pattern whatever apostrophe the answer types, and shows the answer's own", () => {
    const r = rubricOf({ absent: ["(not|n't) ..3 tracked"], unsure: ["don't know"] });
    const report = grade(r, 'MTTR isn’t tracked, and I don’t know why.');
    expect(status(report)).toEqual({ absent: 'met', unsure: 'met' });
    expect(report.concepts.map((c) => c.evidence[0]?.text)).toEqual(['n’t tracked', 'don’t know']);
  });

  it('matches an exact pattern with dots, hyphens or apostrophes as the answer writes it, case-sensitively', () => {
    const r = rubricOf({
      node: ['=Node.js'],
      asp: ['=ASP.NET'],
      cant: ["=can't"],
      mail: ['=e-mail'],
      oreilly: ["=O'Reilly"],
      calm: ["=don't panic"],
    });
    const report = grade(r, 'Node.js and ASP.NET. I can’t say. We e-mail O’Reilly, so don’t panic.');
    expect(status(report)).toEqual({
      node: 'met',
      asp: 'met',
      cant: 'met',
      mail: 'met',
      oreilly: 'met',
      calm: 'met',
    });
    expect(status(grade(r, 'node.js and asp.net'))).toMatchObject({ node: 'missing', asp: 'missing' });
  });

  it('reads a pattern of stop words only ("A", "of the") as those words, not as any stop word', () => {
    const r = rubricOf({ a: ['A'], ofThe: ['of the'], leadTime: ['lead of time'] });
    expect(status(grade(r, 'Deploy the code to production every day.'))).toEqual({
      a: 'missing',
      ofThe: 'missing',
      leadTime: 'missing',
    });
    expect(status(grade(r, 'Option A is one of the best for lead time.'))).toEqual({
      a: 'met',
      ofThe: 'met',
      leadTime: 'met',
    });
  });

  it('reads an acronym written in capitals as one word: IAM credits "IAM" and "iam", never "I am"', () => {
    const technologies = bundled('devops/technologies');
    const security = (answer: string) =>
      grade(technologies, answer).concepts.find((c) => c.id === 'security');
    expect(security('I am a Linux admin.')?.status).toBe('missing');
    expect(security('We use IAM roles.')?.evidence.map((e) => e.text)).toEqual(['IAM']);
    expect(security('we use iam roles')?.evidence.map((e) => e.text)).toEqual(['iam']);
    const r = rubricOf({ rollback: ['rollback'], aws: ['AWS'] });
    expect(status(grade(r, 'We roll back on AWS.'))).toEqual({ rollback: 'met', aws: 'met' });
  });

  it('matches a one-run word wink splits ("iam", "youre") in any letter case, and acronyms across hyphens, slashes and spaces', () => {
    const r = rubricOf({
      iam: ['iam'],
      youre: ['youre'],
      cicd: ['CICD'],
      gitops: ['GITOPS'],
      twofa: ['2fa*'],
    });
    expect(status(grade(r, 'We use IAM. YOURE RIGHT. 2FA codes.'))).toMatchObject({
      iam: 'met',
      youre: 'met',
      twofa: 'met',
    });
    for (const answer of ['We use CI/CD with git ops.', 'CI-CD and GitOps', 'CI CD and Git Ops'])
      expect(status(grade(r, answer))).toMatchObject({ cicd: 'met', gitops: 'met' });
    // The joined spelling has no misspelling tolerance, and only a hyphen or slash joins two parts.
    expect(status(grade(r, 'your team, theirs. I.am'))).toMatchObject({ youre: 'missing' });
    expect(status(grade(bundled('devops/technologies'), 'I.am a Linux admin.')).security).toBe('missing');
  });

  it('keeps the symbols of an exact pattern: =C# and =C++ never credit a bare "C"', () => {
    const r = rubricOf({ csharp: ['=C#'], cpp: ['=C++'] });
    expect(status(grade(r, 'Plan C is best. Grade: C'))).toEqual({ csharp: 'missing', cpp: 'missing' });
    expect(status(grade(r, 'I write C# and C++.'))).toEqual({ csharp: 'met', cpp: 'met' });
  });

  it("credits a word and a possessive pattern whether or not punctuation follows the 's", () => {
    const r = rubricOf({ pipeline: ['pipeline'], owner: ["team's"] });
    for (const answer of ["It was the pipeline's, and the team's.", "The pipeline's run was the team's job"])
      expect(status(grade(r, answer))).toEqual({ pipeline: 'met', owner: 'met' });
  });

  it('treats blue-green, blue green and bluegreen alike, and rollback as roll back', () => {
    const bg = rubricOf({ bg: ['blue-green'], rb: ['rollback'] });
    for (const a of [
      'We use blue-green deploys.',
      'We use blue green deploys.',
      'We use bluegreen deploys.',
    ]) {
      expect(status(grade(bg, a)).bg).toBe('met');
    }
    expect(status(grade(bg, 'We rolled back the release.')).rb).toBe('met');
    expect(status(grade(rubricOf({ rb: ['roll back'] }), 'An automatic rollback.')).rb).toBe('met');
  });

  it('honours =EXACT case and refuses fuzzy matches for short words', () => {
    const r = rubricOf({ exact: ['=MTTR'] });
    expect(status(grade(r, 'mttr is tracked.')).exact).toBe('missing');
    expect(status(grade(r, 'We track MTTR.')).exact).toBe('met');
    expect(status(grade(rubricOf({ s: ['git'] }), 'We use gti daily.')).s).toBe('missing');
  });

  it('matches misspellings of long words, including phonetic ones', () => {
    const r = rubricOf({ k: ['kubernetes'], p: ['prometheus'], v: ['vinegar'], c: ['container'] });
    const report = grade(r, 'Kubernets and Promethius. Add vinager to the contaneir.');
    expect(status(report)).toEqual({ k: 'met', p: 'met', v: 'met', c: 'met' });
  });

  it('allows gaps of up to N words, and never across a sentence', () => {
    const r = rubricOf({ often: ['how often .. deploy*'], wide: ['how often ..6 release'] });
    expect(status(grade(r, 'How often do we deploy?')).often).toBe('met');
    expect(status(grade(r, 'How often. We deploy.')).often).toBe('missing');
    expect(status(grade(r, 'How often, in a typical week, do we release?')).wide).toBe('met');
    expect(status(grade(r, 'How often one two three four five six seven release')).wide).toBe('missing');
  });

  it('finds the word after a gap however the answer spells it, and only after the first word', () => {
    const r = rubricOf({
      rs: ['restart .. (service|server)'],
      ds: ['check .. dataset'],
      k: ['deploy .. kubernetes'],
    });
    expect(status(grade(r, 'We restart the web server.')).rs).toBe('met');
    expect(status(grade(r, 'The server was down, so we restart.')).rs).toBe('missing');
    expect(status(grade(r, 'We check the whole data set.')).ds).toBe('met');
    expect(status(grade(r, 'We deploy it on Kubernets.')).k).toBe('met');
  });

  it('makes stop words in a pattern optional and interchangeable', () => {
    const r = rubricOf({ lt: ['lead time for changes'] });
    for (const a of [
      'lead time for changes',
      'lead time of changes',
      'lead time changes',
      'lead time for the changes',
    ]) {
      expect(status(grade(r, `We track ${a}.`)).lt).toBe('met');
    }
  });

  it("skips articles, possessives and demonstratives between a pattern's words", () => {
    const r = rubricOf({ rs: ['restart service'], ds: ['check dataset'] });
    for (const a of ['restart the service', 'restart our service', 'restart this service'])
      expect(status(grade(r, `We ${a}.`)).rs).toBe('met');
    expect(status(grade(r, 'We restart the old service.')).rs).toBe('missing');
    expect(status(grade(r, 'We restart the, service.')).rs).toBe('missing');
    // The second word spelt by two answer words after a filler.
    expect(status(grade(r, 'We check the data set.')).ds).toBe('met');
  });

  it('does not match a phrase across a comma', () => {
    expect(status(grade(rubricOf({ bg: ['blue green'] }), 'Colours: blue, green.')).bg).toBe('missing');
  });

  it('derives acronyms from multi-word patterns unless turned off', () => {
    expect(status(grade(rubricOf({ uat: ['user acceptance testing'] }), 'Then UAT signs off.')).uat).toBe(
      'met',
    );
    const off = rubricOf({ uat: ['user acceptance testing'] }, { acronyms: false });
    expect(status(grade(off, 'Then UAT signs off.')).uat).toBe('missing');
  });
});

describe('negation', () => {
  const r = rubricOf({
    canary: ['canary (release*|deploy*)'],
    rollback: ['rollback'],
    mttr: ['mean time to recovery'],
  });
  it.each([
    ['we never used canary releases', 'canary'],
    ['we shipped without any rollback', 'rollback'],
    ['MTTR is not tracked', 'mttr'],
    ["canary releases weren't used here", 'canary'],
    ['MTTR, honestly, is not something we measure', 'mttr'],
  ])('"%s" negates %s', (answer, id) => {
    expect(status(grade(r, answer))[id]).toBe('negated');
  });

  it.each([
    ['we track MTTR, not lines of code', 'mttr'],
    ['we use canary releases but not on Fridays', 'canary'],
    ['not only MTTR but also lead time', 'mttr'],
    ['Jenkins does not support canary releases natively, so we script canary releases.', 'canary'],
  ])('"%s" leaves %s met', (answer, id) => {
    expect(status(grade(r, answer))[id]).toBe('met');
  });

  it('credits negated mentions when the rubric ignores negation', () => {
    const ignore = rubricOf({ missing: ['how much vinegar'] }, { negation: 'ignore' });
    expect(status(grade(ignore, 'The procedure does not say how much vinegar to use.')).missing).toBe('met');
  });
});

describe('scoring', () => {
  const rubric = rubricOf(
    { a: ['alpha'], b: ['bravo'], c: ['charlie'], d: ['delta'] },
    {
      groups: [{ id: 'g', label: 'G', of: ['a', 'b', 'c'], need: 2, points: 4 }],
      misconceptions: [{ id: 'm', label: 'M', match: ['zulu'], penalty: 3 }],
    },
  );
  it('scores groups proportionally below need and caps them at their points', () => {
    expect(grade(rubric, 'alpha').score).toBe(2);
    expect(grade(rubric, 'alpha bravo').score).toBe(4);
    expect(grade(rubric, 'alpha bravo charlie delta').score).toBe(5);
    expect(grade(rubric, 'alpha bravo charlie delta').maxScore).toBe(5);
  });

  it('floors penalties at 0', () => {
    expect(grade(rubric, 'alpha zulu').score).toBe(0);
    expect(grade(rubric, 'alpha bravo charlie delta zulu').score).toBe(2);
  });

  it('applies partial credit, required concepts, the scale, pass and bands', () => {
    const r = rubricOf(
      { a: ['alpha'], b: ['bravo'] },
      {
        scoring: {
          scale: [
            { min: 2, score: 10 },
            { min: 1, score: 5 },
          ],
          pass: 0.5,
        },
      },
    );
    expect([grade(r, 'alpha').score, grade(r, 'alpha').maxScore, grade(r, 'alpha').passed]).toEqual([
      5,
      10,
      true,
    ]);
    const required = requiredAlpha();
    expect(grade(required, 'bravo').passed).toBe(false);
    expect(grade(required, 'alpine bravo').concepts[0]).toMatchObject({ status: 'partial', points: 0.5 });
    expect(grade(required, 'bravo').feedback[0]).toBe('Mention alpha first.');
  });

  it('never adds points for repeating a term', () => {
    const once = grade(rubric, 'alpha').score;
    expect(grade(rubric, 'alpha alpha alpha. Alpha!').score).toBe(once);
  });
});

/** Two concepts; `a` is required, with a partial pattern and its own feedback. */
function requiredAlpha() {
  return rubricOf(
    {},
    {
      concepts: [
        {
          id: 'a',
          label: 'A',
          match: ['alpha'],
          required: true,
          partial: ['alp*'],
          feedback: { missing: 'Mention alpha first.' },
        },
        { id: 'b', label: 'B', match: ['bravo'] },
      ],
    },
  );
}

describe('flags and limits', () => {
  it('flags empty and too-short answers', () => {
    expect(grade(kpis, '   ').flags).toEqual(['empty']);
    expect(grade(kpis, 'MTTR').flags).toContain('too-short');
  });

  it('refuses answers over maxAnswerLength with an InputError, or truncates on request', () => {
    expect(() => grade(kpis, 'x'.repeat(101), { maxAnswerLength: 100 })).toThrow(InputError);
    const report = grade(kpis, `MTTR ${'x '.repeat(100)}`, { maxAnswerLength: 50, onTooLong: 'truncate' });
    expect(report.flags).toContain('truncated');
    expect(status(report).mttr).toBe('met');
  });

  it('orders feedback: required missing, negated, misconceptions, then missing by points', () => {
    const r = rubricOf(
      {},
      {
        concepts: [
          { id: 'small', label: 'Small', match: ['small'], points: 1, feedback: { missing: 'small' } },
          { id: 'big', label: 'Big', match: ['big'], points: 3, feedback: { missing: 'big' } },
          { id: 'neg', label: 'Neg', match: ['negword'], feedback: { missing: 'neg', negated: 'negated' } },
          { id: 'req', label: 'Req', match: ['req'], required: true, feedback: { missing: 'req' } },
        ],
        misconceptions: [{ id: 'm', label: 'M', match: ['wrongword'], feedback: 'misconception' }],
      },
    );
    expect(grade(r, 'We never use negword. We say wrongword.').feedback).toEqual([
      'req',
      'negated',
      'misconception',
      'big',
      'small',
    ]);
  });
});

describe('history', () => {
  // Found by grading thousands of answers in fresh and in long-running processes: a compiled rubric's look-up cache
  // answered for "container" as split off "container's." with what an earlier "container" (stemmed "contain") found.
  const prior =
    'Codte.NET acknowledgement! we Maven lowdgfcw) container-container-container-container-container- ttn’s— is exporters.';
  const target =
    "To is coozwx . then database migration in scan didn't; OCTOPUS. never sattic... container's. logging\n";

  it('gives an answer the same report whatever the same compiled rubric graded before it', () => {
    const withoutDuration = (report: GradeReport) => ({ ...report, meta: { ...report.meta, durationMs: 0 } });
    const warm = bundled('devops/core-operations');
    grade(warm, prior);
    expect(withoutDuration(grade(warm, target))).toEqual(
      withoutDuration(grade(bundled('devops/core-operations'), target)),
    );
  });
});
