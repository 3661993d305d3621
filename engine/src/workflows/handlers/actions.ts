import type { SendNode, StartJourneyNode, UpdateClientNode } from '../../language';
import type { RunContext } from '../run-context';
import { INTERRUPTED, viaPort } from './outcome';
import type { NodeOutcome } from './outcome';

/**
 * Sends once per visit: the idempotency key is `<workflowId>:<visitSeq>:<nodeId>`, so a retry, a
 * replay or a resume after continue-as-new lands on the same outbox row. A deferral (quiet hours)
 * sleeps and asks again with the same key; skipped and unreachable both leave by `unreachable`.
 */
export async function runSend(node: SendNode & { origin: string }, ctx: RunContext): Promise<NodeOutcome> {
  const { channels, templateId, offer, quietHours } = node.config;
  const cursor = ctx.state.cursor;
  const send = ctx.sendActivities(channels).sendMessage;
  for (;;) {
    const result = await send({
      idempotencyKey: `${ctx.workflowId}:${cursor.visitSeq}:${node.id}`,
      enrollmentId: ctx.state.enrollmentId,
      journeyId: ctx.input.journeyId,
      journeyVersion: ctx.input.journeyVersion,
      nodeId: node.id,
      clientId: ctx.input.clientId,
      channels,
      templateId,
      ...(offer ? { offer: { offerId: offer.offerId, ...offer.params } } : {}),
      quietHours,
    });
    switch (result.status) {
      case 'sent':
        ctx.rememberMessage(node.origin, result.messageId);
        return viaPort('sent');
      case 'skipped':
      case 'unreachable':
        return viaPort('unreachable', result.reason);
      case 'deferred': {
        const waited = await ctx.waitUntil(Date.parse(result.until));
        if (waited === 'interrupted') return INTERRUPTED;
        continue;
      }
      default: {
        const unhandled: never = result;
        throw new Error(`Unhandled send result ${JSON.stringify(unhandled)}`);
      }
    }
  }
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
    enrollmentKey: `${ctx.workflowId}:${ctx.state.cursor.visitSeq}`,
    fromJourneyId: ctx.input.journeyId,
  });
  return viaPort('out', result.status === 'notStarted' ? result.reason : undefined);
}
