import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { BUNDLED_RUBRIC_IDS, bundledRubric } from '../../src/rubrics/bundledRubric.js';
import { PARAPHRASES } from './paraphrases.js';

// The bundled rubrics tried as a new user would: answers worded unlike the seed, and bare keyword lists.

/** The plainest wording a pattern accepts: first alternatives, no gaps, wildcards or markers. */
function plainWording(pattern: string): string {
  let text = pattern;
  while (/\([^()]*\)/.test(text)) text = text.replace(/\(([^()|]*)(\|[^()]*)?\)\??/g, '$1');
  return text
    .replace(/\.\.\d*/g, ' ')
    .replace(/[=*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const metIds = (id: string, answer: string) =>
  grade(bundledRubric(id), answer)
    .concepts.filter((c) => c.status === 'met')
    .map((c) => c.id);

describe('answers worded unlike the seed', () => {
  it('cover every rubric', () => {
    expect(Object.keys(PARAPHRASES).sort()).toEqual([...BUNDLED_RUBRIC_IDS]);
  });

  it.each(Object.entries(PARAPHRASES))(
    '%s: a correct paraphrase gets full marks, as the seed does',
    (id, answer) => {
      const report = grade(bundledRubric(id), answer);
      expect(report.ratio).toBe(1);
      expect(report.band).toBe('strong');
      expect(report.flags).toEqual([]);
    },
  );

  it('credit what was said in other words, concept by concept', () => {
    expect(metIds('devops/kpis', PARAPHRASES['devops/kpis'] as string)).toEqual([
      'deployment-frequency',
      'lead-time',
      'mttr',
      'change-failure-rate',
    ]);
    expect(metIds('devops/environments', PARAPHRASES['devops/environments'] as string)).toHaveLength(6);
    expect(metIds('devops/deployment-failure', PARAPHRASES['devops/deployment-failure'] as string)).toEqual(
      expect.arrayContaining(['root-cause', 'fix-and-verify']),
    );
  });
});

describe('a bare list of keywords', () => {
  it.each([...BUNDLED_RUBRIC_IDS])('%s: its own concepts as a comma list are flagged keyword-list', (id) => {
    const rubric = bundledRubric(id);
    const list = rubric.concepts.map((c) => plainWording(c.match[0] as string)).join(', ');
    expect(grade(rubric, list).flags).toContain('keyword-list');
  });

  it.each([
    ['devops/technologies', 'Terraform, Ansible, Jenkins, Docker, Kubernetes, Prometheus, Grafana, logs, CD'],
    ['devops/technologies', 'AWS\nDocker\nKubernetes\nTerraform\nJenkins\nPrometheus\nGit'],
    ['devops/responsibilities', 'monitoring, CI/CD, IaC, security, on-call, scripting, builds'],
    ['devops/deployment-types', '- blue/green\n- canary\n- rolling\n- recreate\n- A/B'],
    ['devops/kpis', 'deploy frequency; lead time; MTTR; change failure rate'],
  ])('%s: a candidate-style list is flagged even when the tagger reads an item as a verb: %j', (id, list) => {
    expect(grade(bundledRubric(id), list).flags).toContain('keyword-list');
  });

  it('stays a list when a negation cue is slipped into an item (found by the gaming property test)', () => {
    const rubric = bundledRubric('devops/deployment-failure');
    const list = 'watching rollback , postmortem rollback';
    const slipped = 'watching not rollback , postmortem rollback';
    expect(grade(rubric, slipped).flags).toContain('keyword-list');
    expect(grade(rubric, slipped).score).toBeLessThanOrEqual(grade(rubric, list).score);
  });

  it.each([
    ['devops/kpis', 'We track deployment frequency and lead time, and we watch MTTR closely.'],
    ['devops/technologies', 'I use Terraform and Ansible for infra, Jenkins for CI, Docker, Kubernetes.'],
  ])('%s: the same terms in sentences are not a list: %j', (id, prose) => {
    expect(grade(bundledRubric(id), prose).flags).not.toContain('keyword-list');
  });
});
