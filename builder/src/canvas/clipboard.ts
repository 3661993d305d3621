import type { Edge, Node } from '@xyflow/react';
import { edgeIdFor } from './convert';

/** What copy puts aside: the selected steps and the connections between them (not to outsiders). */
export interface ClipboardPayload<N extends Node> {
  nodes: N[];
  edges: Edge[];
}

/** Copies the selected nodes and only the edges whose both ends are selected. */
export function copySelection<N extends Node>(nodes: N[], edges: Edge[]): ClipboardPayload<N> {
  const picked = nodes.filter((node) => node.selected);
  const ids = new Set(picked.map((node) => node.id));
  return {
    nodes: picked,
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
  };
}

/**
 * Makes fresh copies of a clipboard payload: new ids (via `makeId`), positions shifted by
 * `offset` so the copy does not hide the original, and the copies selected so they can be
 * dragged away at once. Internal edges are re-pointed at the copies.
 */
export function pasteClipboard<N extends Node>(
  payload: ClipboardPayload<N>,
  makeId: (original: N) => string,
  offset = { x: 40, y: 40 },
): ClipboardPayload<N> {
  const idMap = new Map<string, string>();
  const nodes = payload.nodes.map((node) => {
    const id = makeId(node);
    idMap.set(node.id, id);
    return {
      ...node,
      id,
      selected: true,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
  });
  const edges = payload.edges.map((edge) => {
    const source = idMap.get(edge.source) ?? edge.source;
    const target = idMap.get(edge.target) ?? edge.target;
    return {
      ...edge,
      id: edgeIdFor(source, edge.sourceHandle ?? 'out'),
      source,
      target,
      selected: false,
    };
  });
  return { nodes, edges };
}
