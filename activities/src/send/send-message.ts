import { decideDelivery, type ChannelKind, type DeliveryPolicy } from '@touchpoint/channels';
import type { ClientRow, MessageRow } from '@touchpoint/db';
import { attemptChannel } from './attempt-channel';
import {
  findClient,
  loadPolicyClient,
  claimOutboxRow,
  ACCEPTED_STATUSES,
  FINAL_NON_SENT_STATUSES,
  findVisitRows,
  isEnrollmentHeldOut,
  listRecentSends,
  outboxKey,
  recordStatus,
  type NewOutboxRow,
} from '@touchpoint/domain';
import { settleInterruptedAttempts } from './settle-interrupted-attempt';
import { currentPolicy, type SendActivityDeps } from './send-activity-deps';
import type { SendMessageInput, SendMessageResult } from './send-message-contract';
import { visitOrigin } from './visit-origin';
import { activityFailure } from '../activity-failures';

/** A visit already settled by an earlier attempt (retry, replay, second worker): same answer, no send. */
export function settledResult(rows: readonly MessageRow[]): SendMessageResult | null {
  const sent = rows.find((row) => (ACCEPTED_STATUSES as readonly string[]).includes(row.status));
  if (sent) return { status: 'sent', channel: sent.channel, messageId: sent.id };
  // A held-out client's shadow send answers as sent, so the run walks on exactly as a treated one would.
  const shadow = rows.find((row) => row.status === 'heldOut');
  if (shadow) return { status: 'sent', channel: shadow.channel, messageId: shadow.id };
  const final = rows.find((row) => (FINAL_NON_SENT_STATUSES as readonly string[]).includes(row.status));
  if (!final) return null;
  const reason = final.statusTimeline.at(-1)?.detail ?? final.status;
  return final.status === 'skipped' ? { status: 'skipped', reason } : { status: 'unreachable', reason };
}

function longestCapHours(policy: DeliveryPolicy): number {
  const caps = [...policy.overallCaps, ...Object.values(policy.channelCaps).flat()];
  return Math.max(0, ...caps.map((cap) => cap.windowHours));
}

/**
 * The `sendMessage` activity: policy decision, then the first channel that gets through. Permanent
 * refusals mark the row `bounced` (which flags that address) and fall back to the next channel;
 * transient faults throw so Temporal retries with backoff. Every outcome lands in the outbox, except
 * `handOff`: with `queueChannel` set, a send due on another channel is left to that channel's queue.
 */
export async function sendMessage(
  deps: SendActivityDeps,
  input: SendMessageInput,
): Promise<SendMessageResult> {
  const client = await findClient(deps.db, input.clientId);
  if (!client) throw activityFailure('ClientNotFound', `sendMessage: client ${input.clientId} not found`);
  const rows = await findVisitRows(deps.db, input.idempotencyKey);
  const settled = settledResult(rows) ?? (await settleInterruptedAttempts(deps, rows));
  if (settled) return settled;
  // Read once per activity: the fallback rounds below are one decision, under one version.
  const policy = await currentPolicy(deps);
  // Each rejected channel flags its address, so the next decision moves on; bounded by the channel count.
  for (let round = 0; round <= input.channels.length; round += 1) {
    const now = deps.now();
    const since = new Date(now.getTime() - longestCapHours(policy) * 3_600_000);
    const history = (await listRecentSends(deps.db, client.id, since)).flatMap((sent) =>
      sent.sentAt ? [{ channel: sent.channel, sentAt: sent.sentAt }] : [],
    );
    const policyClient = await loadPolicyClient(deps.db, client);
    const decision = decideDelivery({
      client: policyClient,
      channels: input.channels,
      history,
      policy,
      quietHoursMode: input.quietHours,
      now,
    });
    switch (decision.action) {
      case 'defer':
        await markVisit(
          deps,
          client,
          input,
          decision.channel,
          'deferred',
          `${decision.detail}; until ${decision.until.toISOString()}`,
        );
        return { status: 'deferred', until: decision.until.toISOString() };
      case 'skip': {
        const reason = `${decision.reason}: ${decision.detail}`;
        await markVisit(
          deps,
          client,
          input,
          decision.passedOver[0]?.channel ?? input.channels[0]!,
          'skipped',
          reason,
        );
        return { status: 'skipped', reason };
      }
      case 'unreachable':
        await markVisit(
          deps,
          client,
          input,
          decision.passedOver.at(-1)?.channel ?? input.channels[0]!,
          'unreachable',
          decision.detail,
        );
        return { status: 'unreachable', reason: decision.detail };
      case 'send': {
        // Another channel's send belongs on that channel's queue, under its rate limit: hand over
        // before touching the outbox, so the row is claimed by the activity that really sends.
        if (input.queueChannel && decision.channel !== input.queueChannel)
          return { status: 'handOff', channel: decision.channel };
        // Shadow mode: the control twin of this send is recorded where it would have gone, never delivered.
        if (await isEnrollmentHeldOut(deps.db, input.enrollmentId))
          return recordHeldOutSend(deps, client, input, decision.channel);
        const result = await attemptChannel(deps, client, input, decision.channel);
        if (result) return result;
        break;
      }
      default: {
        const unhandled: never = decision;
        throw new Error(`unknown delivery decision ${JSON.stringify(unhandled)}`);
      }
    }
  }
  throw new Error(
    `sendMessage ${input.idempotencyKey}: fallback did not settle after ${input.channels.length} channels`,
  );
}

/** The visit's outbox row for `channel` when nothing is rendered or sent (held out, deferred, skipped). */
function unsentVisitRow(client: ClientRow, input: SendMessageInput, channel: ChannelKind): NewOutboxRow {
  return {
    idempotencyKey: outboxKey(input.idempotencyKey, channel),
    ...visitOrigin(client, input),
    channel,
    templateId: null,
    content: {},
  };
}

/**
 * Records a held-out client's send on the visit's row for `channel` as `heldOut` (intention to treat:
 * the policy decided it would go out there) and answers as a send would, without calling any provider.
 */
async function recordHeldOutSend(
  deps: SendActivityDeps,
  client: ClientRow,
  input: SendMessageInput,
  channel: ChannelKind,
): Promise<SendMessageResult> {
  const row = await claimOutboxRow(
    deps.db,
    unsentVisitRow(client, input, channel),
    'heldOut',
    `control group: template ${input.templateId} not delivered`,
  );
  return { status: 'sent', channel, messageId: row.id };
}

/** Records a non-send outcome on the visit's row for `channel` (created if needed). */
async function markVisit(
  deps: SendActivityDeps,
  client: ClientRow,
  input: SendMessageInput,
  channel: ChannelKind,
  status: 'deferred' | 'skipped' | 'unreachable',
  detail: string,
): Promise<void> {
  const row = await claimOutboxRow(deps.db, unsentVisitRow(client, input, channel), status, detail);
  if (row.statusTimeline.length > 1 || row.status !== status || row.statusTimeline[0]?.detail !== detail) {
    await recordStatus(deps.db, row.id, status, { detail, at: deps.now() });
  }
}
