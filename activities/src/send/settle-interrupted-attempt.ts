import { ApplicationFailure } from '@temporalio/common';
import type { ChannelKind } from '@touchpoint/channels';
import type { MessageContent, MessageRow } from '@touchpoint/db';
import { recordStatus } from './outbox';
import type { SendActivityDeps } from './send-activity-deps';
import type { SendMessageResult } from './send-message-contract';

/**
 * A row still `sending` was handed to the provider by an attempt that died before recording the
 * answer (the caller holds the visit's lease, so that attempt is gone, not slow). The provider may
 * or may not have the message. When it can be asked, ask: accepted means the send is done, with no
 * second copy; otherwise the row goes back to `queued` with the reason and the caller sends again.
 */
export async function settleInterruptedAttempt(
  deps: SendActivityDeps,
  row: MessageRow,
  channel: ChannelKind,
  content: MessageContent,
): Promise<SendMessageResult | null> {
  if (row.status !== 'sending') return null;
  const adapter = deps.adapters[channel];
  const provider = adapter?.provider ?? channel;
  const at = deps.now();
  if (!adapter?.findAccepted) {
    await recordStatus(deps.db, row.id, 'queued', {
      detail: `interrupted after it was handed to ${provider}, which cannot be asked whether it accepted it; sending again under the same id`,
      at,
    });
    return null;
  }
  const answer = await adapter.findAccepted(row.idempotencyKey).catch((error: unknown) => {
    // Guessing either way would send twice or lose the send: retry until the provider answers.
    throw ApplicationFailure.create({
      type: 'ProviderLookupFailed',
      message: `cannot ask ${provider} whether it accepted ${row.idempotencyKey}: ${String(error)}`,
    });
  });
  if (answer.accepted) {
    await recordStatus(deps.db, row.id, 'sent', {
      providerMessageId: answer.providerId,
      content,
      detail: `${channel}; confirmed by ${provider} after an interrupted attempt`,
      at,
    });
    return { status: 'sent', channel, messageId: row.id };
  }
  await recordStatus(deps.db, row.id, 'queued', {
    detail: `an interrupted attempt never reached ${provider}; sending again`,
    at,
  });
  return null;
}
