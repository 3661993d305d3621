import type { JourneyDefinition } from './definition';
import type { Offset } from './duration';
import { DEFAULT_CALL_TIMEOUT } from './nodes';
import type {
  CallOutcomeWait,
  EscalationLadderNode,
  JourneyNode,
  LadderRung,
  SendNode,
  WaitNode,
} from './nodes';
import { parseDefinition } from './parse-definition';
import type { JourneyCatalog, JourneyProblem } from './problems';
import { validateJourney } from './validate';

/**
 * A wait in the plan. Ladder rungs compile to checkpoint waits that also know the next rung's
 * offset (so a late entrant is not sent every missed rung) and whose `skipped` port leads on.
 */
export type PlanWaitNode = WaitNode & { nextOffset?: Offset };

/** A node the interpreter runs: every kind but `escalationLadder`, which compiles to waits and sends. */
export type PlanNode = (Exclude<JourneyNode, EscalationLadderNode | WaitNode> | PlanWaitNode) & {
  /** The drawn node this step came from (itself, or the ladder a rung step belongs to). */
  origin: string;
};

/**
 * What the workflow runs: primitive nodes by id and, for each node, where each output port leads.
 * Compiled rung steps have ids `<ladderId>/<rungId>/wait` and `<ladderId>/<rungId>/send`. A checkpoint
 * wait whose moment has passed under the `skip` policy leaves through port `skipped`; when that port
 * has no target (a drawn wait node), the client exits the journey with reason `checkpointPassed`.
 */
export interface JourneyPlan {
  definition: JourneyDefinition;
  entryNodeId: string;
  nodes: Record<string, PlanNode>;
  next: Record<string, Record<string, string>>;
}

/** The result of {@link compileJourney}. */
export type CompileResult = { ok: true; plan: JourneyPlan } | { ok: false; problems: JourneyProblem[] };

function rungStepIds(ladderId: string, rungId: string): { wait: string; send: string } {
  return { wait: `${ladderId}/${rungId}/wait`, send: `${ladderId}/${rungId}/send` };
}

/** A rung's call wait: a rung that may call always waits for the outcome (before, it left at once). */
function rungCallWait(rung: LadderRung): CallOutcomeWait | undefined {
  if (rung.callOutcome) return rung.callOutcome;
  return rung.channels.includes('call') ? { timeout: DEFAULT_CALL_TIMEOUT, exits: [] } : undefined;
}

function expandLadder(
  ladder: EscalationLadderNode,
  targetOf: (port: string) => string | undefined,
  plan: JourneyPlan,
): string {
  const doneTarget = targetOf('done') as string;
  const { rungs, checkpoint, pastCheckpoint, quietHours } = ladder.config;
  let following = doneTarget;
  // Built back to front so each rung knows the id of the step after it.
  for (let index = rungs.length - 1; index >= 0; index -= 1) {
    const rung = rungs[index] as (typeof rungs)[number];
    const ids = rungStepIds(ladder.id, rung.id);
    const nextOffset = rungs[index + 1]?.offset;
    const wait: PlanWaitNode = {
      id: ids.wait,
      kind: 'wait',
      name: ladder.name,
      config: { mode: 'checkpoint', checkpoint, offset: rung.offset, pastCheckpoint },
      ...(nextOffset ? { nextOffset } : {}),
    };
    const callOutcome = rungCallWait(rung);
    const send: SendNode = {
      id: ids.send,
      kind: 'send',
      name: ladder.name,
      config: {
        channels: rung.channels,
        templateId: rung.templateId,
        offer: rung.offer,
        quietHours,
        ...(callOutcome ? { callOutcome } : {}),
      },
    };
    plan.nodes[ids.wait] = { ...wait, origin: ladder.id };
    plan.nodes[ids.send] = { ...send, origin: ladder.id };
    plan.next[ids.wait] = { out: ids.send, skipped: following };
    const outcomePorts = (callOutcome?.exits ?? []).map((outcome) => [
      `call:${outcome}`,
      targetOf(`call:${rung.id}:${outcome}`) as string,
    ]);
    plan.next[ids.send] = { sent: following, unreachable: following, ...Object.fromEntries(outcomePorts) };
    following = ids.wait;
  }
  return following;
}

function buildPlan(definition: JourneyDefinition): JourneyPlan {
  const entry = definition.nodes.find((node) => node.kind === 'entry');
  if (!entry) throw new Error('A valid journey has an entry node');
  const plan: JourneyPlan = { definition, entryNodeId: entry.id, nodes: {}, next: {} };
  const targetOf = (source: string, port: string): string | undefined =>
    definition.edges.find((edge) => edge.source === source && edge.sourcePort === port)?.target;
  // A ladder is entered at its first rung's wait; edges into it are redirected there.
  const ladderStart = new Map<string, string>();
  for (const node of definition.nodes) {
    if (node.kind === 'escalationLadder') {
      ladderStart.set(
        node.id,
        expandLadder(node, (port) => targetOf(node.id, port), plan),
      );
    }
  }
  for (const node of definition.nodes) {
    if (node.kind !== 'escalationLadder') plan.nodes[node.id] = { ...node, origin: node.id };
  }
  for (const edge of definition.edges) {
    if (ladderStart.has(edge.source)) continue;
    const target = ladderStart.get(edge.target) ?? edge.target;
    plan.next[edge.source] = { ...plan.next[edge.source], [edge.sourcePort]: target };
  }
  // Ladder "done" edges may themselves lead into another ladder.
  for (const ports of Object.values(plan.next)) {
    for (const [port, target] of Object.entries(ports)) ports[port] = ladderStart.get(target) ?? target;
  }
  return plan;
}

/**
 * Validates a definition and compiles it into the plan the interpreter workflow runs. Pure and
 * deterministic, so the workflow compiles its definition snapshot itself on every run.
 */
export function compileJourney(definition: unknown, catalog: JourneyCatalog = {}): CompileResult {
  const problems = validateJourney(definition, catalog);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseDefinition(definition);
  if (!parsed.definition) throw new Error('validateJourney accepted a definition parseDefinition rejects');
  return { ok: true, plan: buildPlan(parsed.definition) };
}

/** Where `port` of `nodeId` leads, or null when nothing is connected (the client leaves the journey). */
export function nextNodeOf(plan: JourneyPlan, nodeId: string, port: string): string | null {
  return plan.next[nodeId]?.[port] ?? null;
}
