import type { ChannelKind } from '../channel-kind';
import type {
  ChannelRefusal,
  DeliveryDecision,
  DeliveryPolicy,
  PolicyClient,
  SentRecord,
} from './delivery-policy';
import { describeCap, findFullCap } from './frequency-caps';
import { findQuietHoursEnd } from './quiet-hours';

/** Everything one decision depends on; the function is pure over it. */
export interface DeliveryRequest {
  client: PolicyClient;
  /** The node's channels in fallback order. */
  channels: readonly ChannelKind[];
  history: readonly SentRecord[];
  policy: DeliveryPolicy;
  quietHoursMode: 'defer' | 'skip';
  now: Date;
}

/** Why one channel cannot be used, ignoring quiet hours (checked once a channel is chosen). */
export function refuseChannel(request: DeliveryRequest, channel: ChannelKind): ChannelRefusal | null {
  const { client, policy, history, now } = request;
  if (client.consent[channel]?.status !== 'granted') {
    const recorded = client.consent[channel]?.status;
    return {
      channel,
      reason: 'opted-out',
      detail: recorded ? `${channel} consent ${recorded}` : `no ${channel} consent on record`,
    };
  }
  if (!client.contactPoints[channel])
    return { channel, reason: 'no-contact-point', detail: `client has no ${channel} address` };
  if (client.flaggedChannels.includes(channel)) {
    return { channel, reason: 'contact-point-flagged', detail: `${channel} address hard-failed before` };
  }
  const hit = findFullCap(policy.channelCaps[channel] ?? [], history, channel, now);
  return hit ? { channel, reason: 'channel-cap', detail: describeCap(hit, channel) } : null;
}

/**
 * Decides one send: the overall cap first (it blocks every channel), then the first channel in
 * fallback order with consent, a usable contact point and room under its cap, then quiet hours
 * on that channel in the client's time zone (defer to the window's end, or skip).
 */
export function decideDelivery(request: DeliveryRequest): DeliveryDecision {
  const overall = findFullCap(request.policy.overallCaps, request.history, null, request.now);
  if (overall)
    return { action: 'skip', reason: 'overall-cap', detail: describeCap(overall, 'overall'), passedOver: [] };
  const passedOver: ChannelRefusal[] = [];
  for (const channel of request.channels) {
    const refusal = refuseChannel(request, channel);
    if (refusal) {
      passedOver.push(refusal);
      continue;
    }
    return applyQuietHours(request, channel, passedOver);
  }
  const detail = passedOver.map((refusal) => refusal.detail).join('; ') || 'the node lists no channels';
  const isUnreachable =
    passedOver.length > 0 &&
    passedOver.every((r) => r.reason === 'no-contact-point' || r.reason === 'contact-point-flagged');
  if (isUnreachable) return { action: 'unreachable', detail, passedOver };
  return { action: 'skip', reason: passedOver[0]?.reason ?? 'no-contact-point', detail, passedOver };
}

function applyQuietHours(
  request: DeliveryRequest,
  channel: ChannelKind,
  passedOver: ChannelRefusal[],
): DeliveryDecision {
  const quiet = request.policy.quietHours[channel];
  if (!quiet) return { action: 'send', channel, passedOver };
  const timeZone = request.client.timeZone ?? request.policy.fallbackTimeZone;
  const until = findQuietHoursEnd(request.now, timeZone, quiet);
  if (!until) return { action: 'send', channel, passedOver };
  const detail = `quiet hours ${quiet.start}-${quiet.end} in ${timeZone}`;
  return request.quietHoursMode === 'defer'
    ? { action: 'defer', channel, until, reason: 'quiet-hours', detail, passedOver }
    : { action: 'skip', reason: 'quiet-hours', detail, passedOver };
}
