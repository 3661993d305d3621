import { z } from 'zod';
import { compileJourney } from './compile';
import type { JourneyPlan, PlanNode } from './compile';

/**
 * Where waiting clients of version N go in version N+1: plan node id in N -> plan node id in N+1
 * (plan ids are what the path query reports, e.g. `ladder/call/wait` inside an escalation ladder).
 */
export const NodeMap = z.record(z.string().min(1), z.string().min(1));
export type NodeMap = z.infer<typeof NodeMap>;

/** Stable codes of migration problems. Codes never change meaning; new ones are added at the end. */
export const MIGRATION_PROBLEM_CODES = {
  /** The version migrated from or to does not compile (the message carries its problems). */
  versionInvalid: 'versionInvalid',
  /** A node map key is not a node of the version migrated from. */
  sourceUnknown: 'sourceUnknown',
  /** A node map key is a node clients do not wait on (only waiting clients move). */
  sourceNotWaiting: 'sourceNotWaiting',
  /** A node map value is not a node of the version migrated to. */
  targetUnknown: 'targetUnknown',
  /** A node map value is not a wait or wait-for-event node (a moved client must arrive waiting). */
  targetNotWaiting: 'targetNotWaiting',
} as const;

/** One of {@link MIGRATION_PROBLEM_CODES}. */
export type MigrationProblemCode = (typeof MIGRATION_PROBLEM_CODES)[keyof typeof MIGRATION_PROBLEM_CODES];

/** A problem that blocks a migration; `nodeId` is the node map key it concerns (null: a whole version). */
export interface MigrationProblem {
  nodeId: string | null;
  code: MigrationProblemCode;
  message: string;
}

/** What happens to the clients waiting on one node of the version migrated from. */
export interface MigrationNodePlan {
  fromNodeId: string;
  /** Null: not in the node map, so its clients stay on the old version. */
  toNodeId: string | null;
  waiting: number;
}

/** The outcome of {@link planMigration}: per node counts and everything that blocks the migration. */
export interface MigrationPlan {
  nodes: MigrationNodePlan[];
  problems: MigrationProblem[];
  /** Clients that would move (on mapped nodes). */
  moving: number;
  /** Clients that would stay on the old version (on unmapped nodes). */
  staying: number;
}

const WAITING_KINDS: ReadonlySet<PlanNode['kind']> = new Set(['wait', 'waitForEvent']);

/**
 * Whether clients can move from or onto this plan node: only waits and wait-for-event nodes, where a
 * client sits between tasks (a moved client must arrive waiting, never halfway through a send).
 */
export function isMigratableNode(node: PlanNode): boolean {
  return WAITING_KINDS.has(node.kind);
}

function compileOrProblem(definition: unknown, label: string, problems: MigrationProblem[]) {
  const compiled = compileJourney(definition);
  if (compiled.ok) return compiled.plan;
  const details = compiled.problems.map((problem) => problem.message).join('; ');
  problems.push({ nodeId: null, code: 'versionInvalid', message: `The ${label} version: ${details}` });
  return null;
}

function checkEntry(from: JourneyPlan, to: JourneyPlan, source: string, target: string): MigrationProblem[] {
  const problems: MigrationProblem[] = [];
  const sourceNode = from.nodes[source];
  const targetNode = to.nodes[target];
  if (!sourceNode) {
    problems.push({
      nodeId: source,
      code: 'sourceUnknown',
      message: `"${source}" is not a node of the old version`,
    });
  } else if (!isMigratableNode(sourceNode)) {
    problems.push({
      nodeId: source,
      code: 'sourceNotWaiting',
      message: `"${source}" is a node of kind ${sourceNode.kind}; only clients waiting on wait / waitForEvent nodes move`,
    });
  }
  if (!targetNode) {
    problems.push({
      nodeId: source,
      code: 'targetUnknown',
      message: `"${target}" is not a node of the new version`,
    });
  } else if (!isMigratableNode(targetNode)) {
    problems.push({
      nodeId: source,
      code: 'targetNotWaiting',
      message: `"${target}" is a node of kind ${targetNode.kind}; moved clients must land on a wait / waitForEvent node`,
    });
  }
  return problems;
}

/**
 * Plans moving waiting clients from one version to the next. Pure: `waiting` holds the number of
 * clients waiting on each plan node of the old version (the engine counts them), and the result says
 * per node where they would go. Any problem blocks the whole migration; nodes left out of the map
 * keep their clients on the old version.
 */
export function planMigration(
  fromDefinition: unknown,
  toDefinition: unknown,
  nodeMap: NodeMap,
  waiting: Readonly<Record<string, number>> = {},
): MigrationPlan {
  const problems: MigrationProblem[] = [];
  const from = compileOrProblem(fromDefinition, 'old', problems);
  const to = compileOrProblem(toDefinition, 'new', problems);
  if (from && to) {
    for (const [source, target] of Object.entries(nodeMap))
      problems.push(...checkEntry(from, to, source, target));
  }
  const nodeIds = new Set([...Object.keys(waiting), ...Object.keys(nodeMap)]);
  const nodes = [...nodeIds].sort().map((fromNodeId) => ({
    fromNodeId,
    toNodeId: nodeMap[fromNodeId] ?? null,
    waiting: waiting[fromNodeId] ?? 0,
  }));
  const moving = nodes.filter((node) => node.toNodeId !== null).reduce((sum, node) => sum + node.waiting, 0);
  const staying = nodes.filter((node) => node.toNodeId === null).reduce((sum, node) => sum + node.waiting, 0);
  return { nodes, problems, moving, staying };
}
