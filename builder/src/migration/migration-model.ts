import { compileJourney, isMigratableNode, type JourneyPlan, type NodeMap } from '@touchpoint/language';

/** A step a moved client can land on: a wait of the new version's plan, and the drawn step it belongs to. */
export interface LandingStep {
  planNodeId: string;
  drawnNodeId: string;
}

/** The plan of a published version; null when it does not compile (the server then says why). */
export function compileVersion(definition: unknown): JourneyPlan | null {
  const compiled = compileJourney(definition);
  return compiled.ok ? compiled.plan : null;
}

/**
 * The drawn step a plan node belongs to: itself, or the ladder whose rung it is. A node the plan does
 * not know (a client counted on a step since removed) goes by its first segment, as compiled ids do.
 */
export function drawnStepOf(plan: JourneyPlan, planNodeId: string): string {
  return plan.nodes[planNodeId]?.origin ?? planNodeId.split('/')[0] ?? planNodeId;
}

/** Every wait of `plan` a moved client may land on, in drawing order (a ladder's rungs top to bottom). */
export function listLandingSteps(plan: JourneyPlan): LandingStep[] {
  const order = plan.definition.nodes.flatMap((node) =>
    node.kind === 'escalationLadder' ? node.config.rungs.map((rung) => `${node.id}/${rung.id}/`) : [node.id],
  );
  const rank = (id: string) =>
    order.findIndex((key) => (key.endsWith('/') ? id.startsWith(key) : id === key));
  return Object.values(plan.nodes)
    .filter(isMigratableNode)
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((node) => ({ planNodeId: node.id, drawnNodeId: node.origin }));
}

/** A compiled id's part under its drawn step (`call/wait` of `ladder/call/wait`); '' for a drawn step. */
const partOf = (planNodeId: string) => planNodeId.split('/').slice(1).join('/');

/**
 * Where a client waiting on `sourcePlanId` lands when the marketer points at drawn step `drawnNodeId`
 * of the new version: that wait itself, or on a ladder the wait of the rung with the same id as the one
 * the client waits on (the same rung, kept), else the ladder's first rung. Null: no wait there.
 */
export function pickLanding(
  landings: readonly LandingStep[],
  drawnNodeId: string,
  sourcePlanId: string,
): string | null {
  const candidates = landings.filter((landing) => landing.drawnNodeId === drawnNodeId);
  const part = partOf(sourcePlanId);
  const sameRung = part === '' ? undefined : candidates.find((c) => partOf(c.planNodeId) === part);
  return (sameRung ?? candidates[0])?.planNodeId ?? null;
}

const nameOfStep = (plan: JourneyPlan, drawnNodeId: string) =>
  plan.definition.nodes.find((node) => node.id === drawnNodeId)?.name?.trim() || undefined;

/**
 * The node map the screen starts with: every waiting node goes to the new version's wait of the same
 * id (a step kept as it was), else to the wait of the step of the same name (a step redrawn under the
 * same name); the rest stay. Only waits are proposed: clients halfway through a send cannot move.
 */
export function proposeNodeMap(
  waitingNodeIds: readonly string[],
  from: JourneyPlan,
  to: JourneyPlan,
): NodeMap {
  const landings = listLandingSteps(to);
  const map: NodeMap = {};
  for (const source of waitingNodeIds) {
    const node = from.nodes[source];
    if (node === undefined || !isMigratableNode(node)) continue;
    if (landings.some((landing) => landing.planNodeId === source)) {
      map[source] = source;
      continue;
    }
    const name = nameOfStep(from, drawnStepOf(from, source));
    const namesake = to.definition.nodes.find(
      (candidate) => name !== undefined && nameOfStep(to, candidate.id) === name,
    );
    const landing = namesake && pickLanding(landings, namesake.id, source);
    if (landing) map[source] = landing;
  }
  return map;
}

/** Sums counts kept per plan node onto the drawn steps they belong to (a ladder's rungs add up). */
export function sumByDrawnStep(
  plan: JourneyPlan,
  counts: Readonly<Record<string, number>>,
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [planNodeId, count] of Object.entries(counts)) {
    const drawn = drawnStepOf(plan, planNodeId);
    sums[drawn] = (sums[drawn] ?? 0) + count;
  }
  return sums;
}

/** How many clients each new-version node receives under `nodeMap`, given who waits where. */
export function countArrivals(
  nodeMap: NodeMap,
  waiting: Readonly<Record<string, number>>,
): Record<string, number> {
  const arrivals: Record<string, number> = {};
  for (const [source, target] of Object.entries(nodeMap)) {
    arrivals[target] = (arrivals[target] ?? 0) + (waiting[source] ?? 0);
  }
  return arrivals;
}
