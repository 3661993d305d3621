import { patched } from '@temporalio/workflow';
import type { SendNode, StartJourneyNode, UpdateClientNode } from '@touchpoint/language';
import type { RunContext } from '../run-context';
import { awaitCallOutcome } from './call-outcome';
import { INTERRUPTED, viaPort } from './outcome';
import type { NodeOutcome } from './outcome';

/**
 * Keys of a visit name the enrollment: a client who re-enters after leaving (`afterExit`) gets a new
 * run under the same workflow id whose visit numbers start again at 0, so without it the second
 * enrollment's sends found the first one's outbox rows and sent nothing. Histories recorded before
 * the patch keep the key they sent with.
 */
export const ENROLLMENT_SCOPED_KEYS_PATCH = 'enrollment-scoped-keys';

function visitKey(ctx: RunContext): string {
  const { visitSeq } = ctx.state.cursor;
  return patched(ENROLLMENT_SCOPED_KEYS_PATCH)
    ? `${ctx.workflowId}:${ctx.state.enrollmentId}:${visitSeq}`
    : `${ctx.workflowId}:${visitSeq}`;
}

/**
 * Sends once per visit: the idempotency key is `<workflowId>:<enrollmentId>:<visitSeq>:<nodeId>`, so
 * a retry, a replay or a resume after continue-as-new lands on the same outbox row. Each call runs on the queue
 * of the channel it may send on (`queueChannel`): when the decision lands on another channel the
 * activity hands off and the visit moves to that channel's queue, at most one hop per channel. A
 * deferral (quiet hours) sleeps and asks the same queue again; skipped and unreachable both leave by
 * `unreachable`. A call with a `callOutcome` wait stays until the operator's outcome or the timeout.
 */
export async function runSend(node: SendNode & { origin: string }, ctx: RunContext): Promise<NodeOutcome> {
  const { channels, templateId, offer, quietHours } = node.config;
  const request = {
    idempotencyKey: `${visitKey(ctx)}:${node.id}`,
    workflowId: ctx.workflowId,
    enrollmentId: ctx.state.enrollmentId,
    journeyId: ctx.input.journeyId,
    journeyVersion: ctx.input.journeyVersion,
    nodeId: node.id,
    clientId: ctx.input.clientId,
    channels,
    templateId,
    ...(offer ? { offer: { offerId: offer.offerId, ...offer.params } } : {}),
    quietHours,
  };
  let queueChannel = channels[0] ?? 'email';
  let hops = 0;
  for (;;) {
    const result = await ctx.sendActivitiesOn(queueChannel).sendMessage({ ...request, queueChannel });
    switch (result.status) {
      case 'sent':
        ctx.rememberMessage(node.origin, result.messageId);
        if (result.channel === 'call' && node.config.callOutcome)
          return awaitCallOutcome(node, node.config.callOutcome, result.messageId, ctx);
        return viaPort('sent');
      case 'skipped':
      case 'unreachable':
        return viaPort('unreachable', result.reason);
      case 'deferred': {
        const waited = await ctx.waitUntil(Date.parse(result.until));
        if (waited === 'interrupted') return INTERRUPTED;
        hops = 0;
        continue;
      }
      case 'handOff':
        hops += 1;
        if (hops > channels.length) return viaPort('unreachable', handOffLoopReason(channels));
        queueChannel = result.channel;
        continue;
      default: {
        const unhandled: never = result;
        throw new Error(`Unhandled send result ${JSON.stringify(unhandled)}`);
      }
    }
  }
}

/**
 * The channels' queues kept passing the visit back (a decision that flips with the clock): the
 * client leaves by `unreachable` with the reason rather than loop or fail the whole run.
 */
function handOffLoopReason(channels: readonly string[]): string {
  return `handed off ${channels.length + 1} times across [${channels.join(', ')}]: the delivery decision keeps changing channel`;
}

/** Sets attributes and tags on the client. */
export async function runUpdateClient(node: UpdateClientNode, ctx: RunContext): Promise<NodeOutcome> {
  await ctx.activities.updateClient({ clientId: ctx.input.clientId, ...node.config });
  return viaPort('out');
}

/** Hands the client to another journey; whether it started or not, this journey goes on. */
export async function runStartJourney(node: StartJourneyNode, ctx: RunContext): Promise<NodeOutcome> {
  const result = await ctx.activities.startJourney({
    journeyId: node.config.journeyId,
    clientId: ctx.input.clientId,
    enrollmentKey: visitKey(ctx),
    fromJourneyId: ctx.input.journeyId,
    // Only the activity's input grows (no command changes): older histories replay unchanged.
    ...(ctx.state.enrollmentId ? { fromEnrollmentId: ctx.state.enrollmentId } : {}),
  });
  return viaPort('out', result.status === 'notStarted' ? result.reason : undefined);
}
