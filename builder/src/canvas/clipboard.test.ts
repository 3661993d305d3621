import { describe, expect, it } from 'vitest';
import type { Edge, Node } from '@xyflow/react';
import { copySelection, pasteClipboard } from './clipboard';

const node = (id: string, selected: boolean): Node => ({
  id,
  position: { x: 10, y: 20 },
  data: {},
  selected,
});
const edge = (source: string, target: string): Edge => ({
  id: `${source}->${target}`,
  source,
  target,
  sourceHandle: 'out',
});

describe('clipboard', () => {
  it('copies selected steps with the connections between them only', () => {
    const payload = copySelection(
      [node('a', true), node('b', true), node('c', false)],
      [edge('a', 'b'), edge('b', 'c')],
    );
    expect(payload.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(payload.edges.map((e) => e.id)).toEqual(['a->b']);
  });

  it('pastes copies with new ids, shifted, selected, and wired to each other', () => {
    const payload = copySelection([node('a', true), node('b', true)], [edge('a', 'b')]);
    const pasted = pasteClipboard(payload, (original) => `${original.id}2`);
    expect(pasted.nodes.map((n) => [n.id, n.position, n.selected])).toEqual([
      ['a2', { x: 50, y: 60 }, true],
      ['b2', { x: 50, y: 60 }, true],
    ]);
    expect(pasted.edges).toMatchObject([{ source: 'a2', target: 'b2', sourceHandle: 'out' }]);
    expect(pasted.edges[0]?.id).not.toBe('a->b');
  });
});
