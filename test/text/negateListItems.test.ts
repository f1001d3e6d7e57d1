import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade.js';
import { analyze } from '../../src/text/analyze.js';

/** The words of a text that analysis marks negated. */
function negated(text: string): string[] {
  return analyze(text)
    .tokens.filter((t) => t.negated && t.kind === 'word')
    .map((t) => t.text);
}

describe('negation over a list', () => {
  it('carries a negation over every item of the list it begins', () => {
    expect(negated("I haven't used Terraform, Ansible or Puppet.")).toEqual([
      'used',
      'Terraform',
      'Ansible',
      'Puppet',
    ]);
    expect(negated('No Jenkins, Docker, or Kubernetes.')).toEqual(['Jenkins', 'Docker', 'Kubernetes']);
    expect(negated('We never deploy on Fridays, weekends or holidays.')).toEqual(
      expect.arrayContaining(['Fridays', 'weekends', 'holidays']),
    );
  });

  it('stops at a new clause: "but", a verb after the list, or no closing conjunction', () => {
    expect(negated("We don't track MTTR, but we track lead time and deployment frequency.")).toEqual([
      'track',
      'MTTR',
    ]);
    expect(negated("We don't use Jenkins, GitLab and GitHub are our tools.")).toEqual(['use', 'Jenkins']);
    expect(negated("We don't track MTTR, lead time is what we track.")).toEqual(['track', 'MTTR']);
    expect(negated('Rolling updates mean no downtime, and blue-green for big releases.')).toEqual([
      'downtime',
    ]);
  });

  it('gives the later items of a negated list the status negated, not met', () => {
    const rubric = {
      id: 'iac',
      title: 'IaC tools',
      concepts: ['Terraform', 'Ansible', 'Puppet', 'Chef'].map((tool) => ({
        id: tool.toLowerCase(),
        label: tool,
        match: [tool],
      })),
    };
    const report = grade(rubric, "I haven't used Terraform, Ansible or Puppet, but I know Chef well.");
    expect(report.concepts.map((c) => [c.id, c.status])).toEqual([
      ['terraform', 'negated'],
      ['ansible', 'negated'],
      ['puppet', 'negated'],
      ['chef', 'met'],
    ]);
  });
});
