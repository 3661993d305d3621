import { describe, expect, it } from 'vitest';
import { JOURNEY_TEMPLATES } from '../templates';
import { JourneyDraft } from './draft';
import { diffDrafts, summarizeDiff } from './diff';

const base = JourneyDraft.parse(JOURNEY_TEMPLATES[0]?.definition);

describe('diffDrafts', () => {
  it('finds added, removed and changed steps but ignores moves', () => {
    const after: JourneyDraft = {
      ...base,
      nodes: [
        ...base.nodes
          .filter((node) => node.id !== 'sms')
          .map((node) => (node.id === 'email' ? { ...node, name: 'Come back' } : node)),
        { id: 'call', kind: 'send', config: { channels: ['call'], templateId: 'x' } },
      ],
      edges: base.edges.filter((edge) => edge.target !== 'sms' && edge.source !== 'sms'),
      layout: {},
    };
    const diff = diffDrafts(base, after);
    expect(diff.steps).toEqual({ email: 'changed', call: 'added', sms: 'removed' });
    expect(diff.edgesRemoved).toBe(3);
    expect(summarizeDiff(diff, { added: '+', removed: '-', changed: '~' })).toBe('+: call; -: sms; ~: email');
    const labels: Record<string, string> = { call: 'Call the client', sms: 'SMS reminder', email: 'Welcome' };
    expect(summarizeDiff(diff, { added: '+', removed: '-', changed: '~' }, (id) => labels[id] ?? id)).toBe(
      '+: Call the client; -: SMS reminder; ~: Welcome',
    );
  });

  it('reports nothing for the same journey', () => {
    expect(diffDrafts(base, { ...base, layout: {} })).toEqual({ steps: {}, edgesAdded: 0, edgesRemoved: 0 });
  });
});
