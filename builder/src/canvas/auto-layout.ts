import type { Edge } from '@xyflow/react';
import { portsOfStep } from '../nodes/ports';
import type { StepNode } from './convert';

const DEFAULT_SIZE = { width: 240, height: 110 };

/**
 * Top-to-bottom layered layout with elkjs, ports kept in their drawn order so a split's branches
 * stay left-to-right as on the step. Uses measured sizes when React Flow has them.
 */
export async function layoutSteps(
  nodes: StepNode[],
  edges: Edge[],
): Promise<Record<string, { x: number; y: number }>> {
  // elkjs is large; loading it on first use keeps it out of the app's initial download.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const graph = await new ELK().layout({
    id: 'journey',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: nodes.map((node) => ({
      id: node.id,
      width: node.measured?.width ?? DEFAULT_SIZE.width,
      height: node.measured?.height ?? DEFAULT_SIZE.height,
      // Ports in their drawn order keep a split's branches left-to-right as on the step.
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        { id: `${node.id}::in`, layoutOptions: { 'elk.port.side': 'NORTH' } },
        // ELK numbers ports clockwise, so on the south side the leftmost port has the highest index.
        ...portsOfStep(node.data).map((port, index, all) => ({
          id: `${node.id}::${port}`,
          layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(all.length - index) },
        })),
      ],
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      sources: [`${edge.source}::${edge.sourceHandle ?? 'out'}`],
      targets: [`${edge.target}::in`],
    })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
