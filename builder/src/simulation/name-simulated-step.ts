import { JourneyNode, locateStep } from '@touchpoint/language';
import type { StepNode } from '../canvas/convert';
import { nameStep, type Translate } from '../pages/describe-timeline-entry';

/**
 * The drawn steps a simulation's compiled step ids are found in. A node whose config does not parse
 * yet (the marketer is mid-edit) is left out, so its steps fall back to the server's name.
 */
export function drawnNodes(nodes: readonly StepNode[]): JourneyNode[] {
  return nodes.flatMap((node) => {
    const parsed = JourneyNode.safeParse({ id: node.id, ...node.data });
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * A step of a test path or a forecast (`ladder/remind/send`) as the client timeline names it: the
 * drawn step's name (its kind while unnamed), a ladder's rung by its place and part, never an id.
 * `fallback` (the server's name) only for a step the canvas no longer has.
 */
export function nameSimulatedStep(
  nodes: readonly JourneyNode[],
  planNodeId: string,
  fallback: string,
  t: Translate,
): string {
  const located = locateStep(nodes, planNodeId);
  return located === null ? fallback : nameStep(located, t);
}
