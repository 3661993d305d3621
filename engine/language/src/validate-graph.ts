import type { JourneyEdge } from './definition';
import { durationToMs } from './duration';
import type { JourneyNode } from './nodes';
import { outputPortsOf } from './ports';
import { PROBLEM_CODES } from './problems';
import type { JourneyProblem } from './problems';

/** Problems with ids, edges and ports: duplicates, dangling edges, unknown and unconnected ports. */
export function checkEdges(
  nodes: readonly JourneyNode[],
  edges: readonly JourneyEdge[],
  knownNodeIds: ReadonlySet<string>,
): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const byId = new Map<string, JourneyNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) {
      problems.push({
        nodeId: node.id,
        code: PROBLEM_CODES.duplicateNodeId,
        message: `Node id "${node.id}" is used twice`,
      });
    }
    byId.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  const usedPorts = new Set<string>();
  for (const edge of edges) {
    if (edgeIds.has(edge.id)) {
      problems.push({
        nodeId: edge.source,
        code: PROBLEM_CODES.duplicateEdge,
        message: `Edge id "${edge.id}" is used twice`,
      });
    }
    edgeIds.add(edge.id);
    for (const end of [edge.source, edge.target]) {
      if (!knownNodeIds.has(end)) {
        const message = `Edge "${edge.id}" connects node "${end}", which does not exist`;
        problems.push({
          nodeId: knownNodeIds.has(edge.source) ? edge.source : null,
          code: PROBLEM_CODES.danglingEdge,
          message,
        });
      }
    }
    const source = byId.get(edge.source);
    if (source && !outputPortsOf(source).includes(edge.sourcePort)) {
      const message = `Edge "${edge.id}" leaves port "${edge.sourcePort}", which ${source.kind} node "${source.id}" does not have (ports: ${outputPortsOf(source).join(', ') || 'none'})`;
      problems.push({ nodeId: source.id, code: PROBLEM_CODES.unknownPort, message });
    }
    const portKey = `${edge.source}\u0000${edge.sourcePort}`;
    if (usedPorts.has(portKey)) {
      const message = `Port "${edge.sourcePort}" of node "${edge.source}" has more than one edge`;
      problems.push({ nodeId: edge.source, code: PROBLEM_CODES.duplicateEdge, message });
    }
    usedPorts.add(portKey);
    if (byId.get(edge.target)?.kind === 'entry') {
      const message = `Edge "${edge.id}" points into the entry node "${edge.target}"`;
      problems.push({ nodeId: edge.target, code: PROBLEM_CODES.edgeIntoEntry, message });
    }
  }
  for (const node of nodes) {
    for (const port of outputPortsOf(node)) {
      if (!usedPorts.has(`${node.id}\u0000${port}`)) {
        const message = `Port "${port}" of ${node.kind} node "${node.id}" is not connected`;
        problems.push({ nodeId: node.id, code: PROBLEM_CODES.unconnectedPort, message });
      }
    }
  }
  return problems;
}

function successorsOf(edges: readonly JourneyEdge[]): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const edge of edges)
    successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  return successors;
}

/** Exactly one entry, and every node reachable from it. */
export function checkReachability(
  nodes: readonly JourneyNode[],
  edges: readonly JourneyEdge[],
): JourneyProblem[] {
  const entries = nodes.filter((node) => node.kind === 'entry');
  if (entries.length === 0) {
    return [{ nodeId: null, code: PROBLEM_CODES.missingEntry, message: 'The journey has no entry node' }];
  }
  const problems: JourneyProblem[] = entries.slice(1).map((node) => ({
    nodeId: node.id,
    code: PROBLEM_CODES.multipleEntries,
    message: `Node "${node.id}" is a second entry; a journey has exactly one`,
  }));
  const successors = successorsOf(edges);
  const seen = new Set<string>();
  const stack = entries.map((node) => node.id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(successors.get(id) ?? []));
  }
  for (const node of nodes) {
    if (!seen.has(node.id)) {
      const message = `Node "${node.id}" cannot be reached from the entry`;
      problems.push({ nodeId: node.id, code: PROBLEM_CODES.unreachableNode, message });
    }
  }
  return problems;
}

/** True when passing through the node always takes time, so a cycle through it cannot spin. */
export function isWaitingNode(node: JourneyNode): boolean {
  switch (node.kind) {
    case 'wait':
      if (node.config.mode === 'duration') return durationToMs(node.config.duration) > 0;
      if (node.config.mode === 'checkpoint') return node.config.pastCheckpoint === 'skip';
      return true;
    case 'waitForEvent':
      return durationToMs(node.config.timeout) > 0;
    case 'escalationLadder':
      return node.config.pastCheckpoint === 'skip';
    default:
      return false;
  }
}

/** Strongly connected components (Tarjan); recursive for clarity, journeys are small. */
function findCycles(ids: readonly string[], successors: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of successors.get(id) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) as number, index.get(next) as number));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    const selfLoop = (successors.get(id) ?? []).includes(id);
    if (component.length > 1 || selfLoop) components.push(component.reverse());
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return components;
}

/** Every cycle must pass through a node that waits; otherwise a client would loop without pause. */
export function checkCycles(nodes: readonly JourneyNode[], edges: readonly JourneyEdge[]): JourneyProblem[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const problems: JourneyProblem[] = [];
  for (const cycle of findCycles([...byId.keys()], successorsOf(edges))) {
    if (
      cycle.some((id) => {
        const node = byId.get(id);
        return node !== undefined && isWaitingNode(node);
      })
    )
      continue;
    const message = `Nodes ${cycle.map((id) => `"${id}"`).join(' → ')} form a cycle without a wait`;
    problems.push({ nodeId: cycle[0] ?? null, code: PROBLEM_CODES.cycleWithoutWait, message });
  }
  return problems;
}
