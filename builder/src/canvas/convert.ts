import type { Edge, Node } from '@xyflow/react';
import type { NodeKind } from '@touchpoint/language';
import type { JourneyDraft } from './draft';

/** What a step carries on the canvas: the definition node minus its id (React Flow keeps that). */
export interface StepData extends Record<string, unknown> {
  kind: NodeKind;
  name?: string;
  config: unknown;
}

/** A step on the canvas; React Flow's node `type` is the node kind (see the node registry). */
export type StepNode = Node<StepData, NodeKind>;

/** Everything of a draft that is not a node, an edge or a position. */
export type DraftMeta = Omit<JourneyDraft, 'nodes' | 'edges' | 'layout'>;

/** The canvas as the store holds it. */
export interface CanvasState {
  nodes: StepNode[];
  edges: Edge[];
  meta: DraftMeta;
}

/** Every edge enters a step through this one handle; output handles are named after the ports. */
export const INPUT_HANDLE = 'in';

/** Edge ids follow the port they leave, which is unique per journey (one edge per port). */
export function edgeIdFor(source: string, sourcePort: string): string {
  return `${source}.${sourcePort.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
}

/**
 * Whether some step of a draft has no stored position (a journey imported or written through the API
 * without a layout): the editor then lays the canvas out when it opens, instead of piling steps at 0,0.
 */
export function isMissingLayout(draft: JourneyDraft): boolean {
  const layout = draft.layout ?? {};
  return draft.nodes.some((node) => !(node.id in layout));
}

/** Converts a stored draft into canvas state; steps without a stored position start at 0,0. */
export function draftToCanvas(draft: JourneyDraft): CanvasState {
  const { nodes, edges, layout = {}, ...meta } = draft;
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      type: node.kind,
      position: layout[node.id] ?? { x: 0, y: 0 },
      data: withName({ kind: node.kind, config: node.config }, node.name),
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourcePort,
      target: edge.target,
      targetHandle: INPUT_HANDLE,
    })),
    meta,
  };
}

/**
 * Converts canvas state back into a draft. Positions go to `layout` (rounded: sub-pixel drags are
 * not a change worth saving); selection and other view state are dropped.
 */
export function canvasToDraft(state: CanvasState): JourneyDraft {
  const layout: Record<string, { x: number; y: number }> = {};
  for (const node of state.nodes) {
    layout[node.id] = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
  }
  return {
    ...state.meta,
    nodes: state.nodes.map((node) =>
      withName({ id: node.id, kind: node.data.kind, config: node.data.config }, node.data.name),
    ),
    edges: state.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourcePort: edge.sourceHandle ?? 'out',
      target: edge.target,
    })),
    layout,
  };
}

function withName<T extends object>(value: T, name: string | undefined): T & { name?: string } {
  return name === undefined ? value : { ...value, name };
}
