import type { MessageRow } from '@touchpoint/db';
import { recordStatus } from '@touchpoint/domain';
import { providerOf, type SendActivityDeps } from './send-activity-deps';
import type { SendMessageResult } from './send-message-contract';
import { activityFailure } from '../activity-failures';

/**
 * Settles the visit's rows an earlier attempt left `sending` — handed to a provider, its answer
 * never recorded (the attempt died, or the connection dropped before the reply) — before anything
 * else is decided: whatever the policy says now (quiet hours began, another channel is due), the
 * client may already have that message. Returns `sent` when a provider confirms it had accepted one;
 * otherwise each such row goes back to `queued` with the reason, and the caller decides afresh.
 * The caller holds the visit's lease, so those attempts are over, not slow.
 */
export async function settleInterruptedAttempts(
  deps: SendActivityDeps,
  rows: readonly MessageRow[],
): Promise<SendMessageResult | null> {
  for (const row of rows) {
    const settled = await settleInterruptedAttempt(deps, row);
    if (settled) return settled;
  }
  return null;
}

async function settleInterruptedAttempt(
  deps: SendActivityDeps,
  row: MessageRow,
): Promise<SendMessageResult | null> {
  if (row.status !== 'sending') return null;
  const { channel } = row;
  const adapter = deps.adapters[channel];
  const provider = providerOf(deps, channel);
  const at = deps.now();
  if (!adapter?.findAccepted) {
    await recordStatus(deps.db, row.id, 'queued', {
      detail: `interrupted after it was handed to ${provider}, which cannot be asked whether it accepted it; sending again under the same id`,
      at,
    });
    return null;
  }
  // From the first hand-over: a provider searched by content must look back to the earliest one.
  const handedOver = row.statusTimeline.find((entry) => entry.status === 'sending')?.at;
  const query = {
    messageId: row.idempotencyKey,
    to: row.content.to ?? '',
    ...(row.content.text !== undefined ? { text: row.content.text } : {}),
    since: handedOver ? new Date(handedOver) : row.createdAt,
  };
  const answer = await adapter.findAccepted(query).catch((error: unknown) => {
    // Guessing either way would send twice or lose the send: retry until the provider answers.
    throw activityFailure(
      'ProviderLookupFailed',
      `cannot ask ${provider} whether it accepted ${row.idempotencyKey}: ${String(error)}`,
    );
  });
  if (answer.accepted) {
    await recordStatus(deps.db, row.id, 'sent', {
      providerMessageId: answer.providerId,
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
