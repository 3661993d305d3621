import { z } from 'zod';

/** Raw counts for one node (or one compiled step of an escalation ladder). */
export const NodeCounts = z
  .object({
    /** Visits that entered the node in the window (a client looping through counts each time). */
    entered: z.number().int().describe('visits that entered the node in the window (each loop counts)'),
    /** Clients at this node right now (visit not left, enrollment active); ignores the window. */
    waiting: z.number().int().describe('clients at the node right now, whatever the window'),
    /** Messages the node handed to a provider in the window. */
    sent: z.number().int().describe('messages the node handed to a provider in the window'),
    /** Enrollments that visited the node in the window and then reached the goal. */
    converted: z
      .number()
      .int()
      .describe('enrollments that visited the node in the window, then met the goal'),
    /** Runs that failed for good on this node in the window (their enrollment is `failed`). */
    failed: z.number().int().describe('runs that failed for good on the node in the window'),
  })
  .describe('counts for one node or step');
export type NodeCounts = z.infer<typeof NodeCounts>;

/**
 * Transitions grouped by version and compiled endpoints (as the interpreter records them); `n` is the
 * number of distinct enrollments that took it.
 */
export interface TransitionCount {
  version: number;
  fromNodeId: string;
  port: string;
  toNodeId: string | null;
  edgeId: string | null;
  n: number;
}

/** Per-step counts as stored, plus what cannot be summed over steps (distinct converted enrollments). */
export interface RawStats {
  steps: Record<string, NodeCounts>;
  convertedByNode: Record<string, number>;
  transitions: TransitionCount[];
}

/** The drawn graph of the versions in scope: node ids and `version|source|port|target` -> edge id. */
export interface DrawnShapes {
  nodeIds: Set<string>;
  edgeIds: Map<string, string>;
}

export const EMPTY_COUNTS: NodeCounts = { entered: 0, waiting: 0, sent: 0, converted: 0, failed: 0 };

/**
 * The drawn node a step belongs to. Ladder rungs compile to steps `<ladderId>/<rungId>/wait|send` and
 * drawn ids never contain `/` (language rule), so the prefix is the ladder.
 */
export function originOf(stepId: string): string {
  return stepId.split('/')[0] ?? stepId;
}

const isCompiledStep = (stepId: string) => stepId.includes('/');

/** The ladder port a rung step's exit is drawn as: a call outcome `call:<rungId>:<outcome>`, else `done`. */
function drawnLadderPort(stepId: string, port: string): string {
  if (!port.startsWith('call:')) return 'done';
  return `call:${stepId.split('/')[1] ?? ''}:${port.slice('call:'.length)}`;
}

/**
 * Rolls per-step counts up to the nodes and edges the marketer drew. A ladder is entered when a client
 * crosses into one of its steps from outside (moving between rungs is not a new entry); its waiting,
 * sent and failed counts are the sums over its steps; leaving it to another node is its `done` edge.
 */
export function rollUpStats(raw: RawStats, shapes: DrawnShapes) {
  const nodes: Record<string, NodeCounts> = {};
  const at = (id: string) => (nodes[id] ??= { ...EMPTY_COUNTS });
  for (const id of shapes.nodeIds) at(id);
  for (const [stepId, counts] of Object.entries(raw.steps)) {
    const node = at(originOf(stepId));
    node.waiting += counts.waiting;
    node.sent += counts.sent;
    node.failed += counts.failed;
    if (!isCompiledStep(stepId)) node.entered += counts.entered;
  }
  for (const [nodeId, converted] of Object.entries(raw.convertedByNode)) at(nodeId).converted = converted;
  const edges: Record<string, number> = {};
  for (const t of raw.transitions) {
    if (t.toNodeId === null) continue;
    const from = originOf(t.fromNodeId);
    const to = originOf(t.toNodeId);
    if (from === to) continue;
    if (isCompiledStep(t.toNodeId)) at(to).entered += t.n;
    const port = isCompiledStep(t.fromNodeId) ? drawnLadderPort(t.fromNodeId, t.port) : t.port;
    const edgeId = t.edgeId ?? shapes.edgeIds.get(`${t.version}|${from}|${port}|${to}`);
    if (edgeId !== undefined) edges[edgeId] = (edges[edgeId] ?? 0) + t.n;
  }
  return { nodes, edges };
}
