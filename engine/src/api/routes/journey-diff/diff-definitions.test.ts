import { describe, expect, it } from 'vitest';
import { diffDefinitions, stableStringify } from './diff-definitions';
import type { DiffableDefinition } from './diff-definitions';

const v1: DiffableDefinition = {
  nodes: [
    { id: 'entry', kind: 'entry', config: { event: { type: 'purchase' } } },
    { id: 'wait', kind: 'wait', name: 'Wait 3 days', config: { duration: { days: 3 } } },
    { id: 'sms', kind: 'send', config: { channels: ['sms'], templateId: 'hello' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'wait' },
    { id: 'e2', source: 'wait', sourcePort: 'out', target: 'sms' },
  ],
  settings: { reentry: 'once' },
};

describe('diffDefinitions', () => {
  it('reports nothing between a definition and a copy with keys reordered and edges re-drawn', () => {
    const copy = JSON.parse(JSON.stringify(v1)) as DiffableDefinition;
    copy.nodes[0] = { config: { event: { type: 'purchase' } }, kind: 'entry', id: 'entry' };
    copy.edges[0] = { ...copy.edges[0]!, id: 'redrawn' };
    expect(diffDefinitions(v1, copy)).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [] },
      goalChanged: false,
      settingsChanged: false,
    });
  });

  it('lists added, removed and changed nodes (with the config keys that changed) and edge changes', () => {
    const v2: DiffableDefinition = {
      nodes: [
        v1.nodes[0]!,
        { id: 'wait', kind: 'wait', name: 'Wait 5 days', config: { duration: { days: 5 } } },
        { id: 'email', kind: 'send', config: { channels: ['email'], templateId: 'hello' } },
      ],
      edges: [v1.edges[0]!, { id: 'e3', source: 'wait', sourcePort: 'out', target: 'email' }],
      goal: { event: { type: 'purchase' } },
      settings: { reentry: 'once' },
    };
    const diff = diffDefinitions(v1, v2);
    expect(diff.nodes.added).toEqual([{ id: 'email', kind: 'send', name: null }]);
    expect(diff.nodes.removed).toEqual([{ id: 'sms', kind: 'send', name: null }]);
    expect(diff.nodes.changed).toMatchObject([
      { id: 'wait', fields: ['name', 'config'], configKeys: ['duration'] },
    ]);
    expect(diff.edges).toEqual({
      added: [{ id: 'e3', source: 'wait', sourcePort: 'out', target: 'email' }],
      removed: [{ id: 'e2', source: 'wait', sourcePort: 'out', target: 'sms' }],
    });
    expect(diff).toMatchObject({ goalChanged: true, settingsChanged: false });
  });

  it('stringifies objects independently of key order', () => {
    expect(stableStringify({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });
});
