import type { SendActivityDeps } from '@touchpoint/activities';
import type { ChannelAdapter, ChannelKind, OutboundMessage } from '@touchpoint/channels';

/** Messages a simulated run handed to its channels, by idempotency key (the send's `messageId`). */
export type CapturedMessages = Map<string, OutboundMessage>;

function capturingAdapter<M extends OutboundMessage>(channel: ChannelKind, captured: CapturedMessages) {
  const adapter: ChannelAdapter<M> = {
    channel,
    provider: `captured ${channel}`,
    // Accepted at once and kept here: a simulated message never leaves the process.
    async send(message) {
      captured.set(message.messageId, message);
      return { kind: 'sent', providerId: `captured:${message.messageId}` };
    },
    async findAccepted(query) {
      return captured.has(query.messageId)
        ? { accepted: true, providerId: `captured:${query.messageId}` }
        : { accepted: false };
    },
    async close() {},
  };
  return adapter;
}

/**
 * One capturing adapter for each channel the real deployment has (and only those), so a send on a
 * channel this deployment lacks behaves in the simulation as it would live: unreachable there.
 */
export function createCapturedAdapters(
  channels: readonly ChannelKind[],
  captured: CapturedMessages,
): SendActivityDeps['adapters'] {
  const has = (channel: ChannelKind) => channels.includes(channel);
  return {
    ...(has('email') ? { email: capturingAdapter('email', captured) } : {}),
    ...(has('sms') ? { sms: capturingAdapter('sms', captured) } : {}),
    ...(has('webhook') ? { webhook: capturingAdapter('webhook', captured) } : {}),
    ...(has('call') ? { call: capturingAdapter('call', captured) } : {}),
  };
}
