import { describe, expect, it } from 'vitest';
import { validateJourney } from './validate';

describe('toProblemIssues, through validateJourney', () => {
  it('reports each broken field of a step with its rule and bound', () => {
    const problems = validateJourney({
      schemaVersion: 1,
      nodes: [
        { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: '' } } } },
        { id: 's', kind: 'send', config: { channels: [], templateId: '' } },
      ],
      edges: [],
    });
    const issuesOf = (nodeId: string) => problems.find((problem) => problem.nodeId === nodeId)?.issues;
    expect(issuesOf('entry')).toMatchObject([
      { path: ['config', 'trigger', 'event', 'type'], rule: 'required' },
    ]);
    expect(issuesOf('s')).toMatchObject([
      { path: ['config', 'channels'], rule: 'tooFew', limit: 1 },
      { path: ['config', 'templateId'], rule: 'required' },
    ]);
  });

  it('names the choices of a field outside its list', () => {
    const problems = validateJourney({
      schemaVersion: 1,
      nodes: [{ id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } }, name: 'In' }],
      edges: [],
      settings: { reentry: 'sometimes', entryWindow: {}, timezoneFallback: 'UTC' },
    });
    const issue = problems.find((problem) => problem.code === 'invalidDefinition')?.issues?.[0];
    expect(issue).toMatchObject({ path: ['settings', 'reentry'], rule: 'notAllowed' });
    expect(issue?.options).toContain('once');
  });
});
