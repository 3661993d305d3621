import { PROBLEM_CODES } from './problems';
import type { JourneyProblem } from './problems';

/**
 * The largest journey Touchpoint accepts. Far above what a marketer draws (tens of nodes), and small
 * enough that validation (whose cycle search recurses once per node) and a workflow's definition input
 * (carried through every continue-as-new) stay cheap.
 */
export const MAX_JOURNEY_NODES = 1_000;
export const MAX_JOURNEY_EDGES = 5_000;

function countOf(definition: unknown, key: 'nodes' | 'edges'): number {
  if (definition === null || typeof definition !== 'object') return 0;
  const list = (definition as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.length : 0;
}

/** Why a definition is over the size limit, or null; reads only the lengths, so it is safe on any input. */
export function checkJourneySize(definition: unknown): JourneyProblem | null {
  const nodes = countOf(definition, 'nodes');
  const edges = countOf(definition, 'edges');
  if (nodes <= MAX_JOURNEY_NODES && edges <= MAX_JOURNEY_EDGES) return null;
  return {
    nodeId: null,
    code: PROBLEM_CODES.journeyTooLarge,
    message: `The journey has ${nodes} nodes and ${edges} edges; at most ${MAX_JOURNEY_NODES} nodes and ${MAX_JOURNEY_EDGES} edges are allowed`,
  };
}
