import { bucketOf, evaluateCondition, pickVariant } from '@touchpoint/language';
import type { ConditionSplitNode, RandomSplitNode } from '@touchpoint/language';
import type { RunContext } from '../run-context';
import { viaPort } from './outcome';
import type { NodeOutcome } from './outcome';

/** The first branch whose condition holds, else `else`; facts are loaded fresh at the split. */
export async function runConditionSplit(node: ConditionSplitNode, ctx: RunContext): Promise<NodeOutcome> {
  const branches = node.config.branches;
  const context = await ctx.loadClientContext(
    branches.map((branch) => branch.condition),
    [],
  );
  const now = Date.now();
  const branch = branches.find((candidate) => evaluateCondition(candidate.condition, context, now));
  return viaPort(branch ? `branch:${branch.id}` : 'else');
}

/** A weighted variant, stable per client (same journey, node and client → same variant). */
export function runRandomSplit(node: RandomSplitNode & { origin: string }, ctx: RunContext): NodeOutcome {
  const bucket = bucketOf(ctx.input.journeyId, node.origin, ctx.input.clientId);
  return viaPort(`variant:${pickVariant(node.config.variants, bucket).id}`);
}
